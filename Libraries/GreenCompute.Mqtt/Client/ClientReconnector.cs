namespace GreenCompute.Mqtt.Client;

/// <summary>
/// Reconnection after a lost connection: attempt n waits min(ReconnectDelay × 2^(n-1), MaximumReconnectDelay), spread
/// by ± ReconnectJitter, on the injected <see cref="TimeProvider"/>. Enabled from ConnectAsync until DisconnectAsync.
/// </summary>
internal sealed class ClientReconnector(MqttClientOptions options, Func<CancellationToken, Task<bool>> connectOnce)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _enabled;
    private Task _loop = Task.CompletedTask;

    public bool IsEnabled
    {
        get
        {
            lock (_gate)
            {
                return _enabled is not null;
            }
        }
    }

    public void Enable()
    {
        lock (_gate)
        {
            _enabled ??= new CancellationTokenSource();
        }
    }

    /// <summary>Stops reconnecting and waits for an attempt in progress to give up.</summary>
    public async Task DisableAsync()
    {
        CancellationTokenSource? enabled;
        Task loop;
        lock (_gate)
        {
            enabled = _enabled;
            _enabled = null;
            loop = _loop;
        }

        if (enabled is not null)
        {
            await enabled.CancelAsync().ConfigureAwait(false);
        }

        await loop.ConfigureAwait(false);
        enabled?.Dispose();
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_enabled is { } enabled && _loop.IsCompleted)
            {
                _loop = RunAsync(enabled.Token);
            }
        }
    }

    public TimeSpan DelayFor(int attempt, double random)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ticks = Math.Min(options.ReconnectDelay.Ticks * Math.Pow(2, exponent), options.MaximumReconnectDelay.Ticks);
        var spread = 1 + (options.ReconnectJitter * ((2 * random) - 1));
        return TimeSpan.FromTicks((long)(ticks * spread));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Task.Delay(DelayFor(attempt, Random.Shared.NextDouble()), options.TimeProvider, cancellationToken).ConfigureAwait(false);
                if (await connectOnce(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (MqttConnectException error)
            {
                ClientLog.ReconnectFailed(options.Logger, options.ClientId, attempt, error.Message);
            }
        }
    }
}
