namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// Keep alive, server side [MQTT-3.1.2-24]: a client silent for one and a half keep alive periods is disconnected.
/// One timer from the injected <see cref="TimeProvider"/>, re-armed for the instant the silence would reach the limit.
/// </summary>
internal sealed class BrokerKeepAlive : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _limit;
    private readonly Action _onTimeout;
    private readonly ITimer _timer;
    private long _lastReceived;
    private bool _disposed;

    public BrokerKeepAlive(ushort keepAliveSeconds, TimeProvider time, Action onTimeout)
    {
        _time = time;
        _limit = TimeSpan.FromSeconds(keepAliveSeconds * 1.5);
        _onTimeout = onTimeout;
        _lastReceived = time.GetTimestamp();
        _timer = time.CreateTimer(_ => OnTimer(), null, _limit, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Limit => _limit;

    public void PacketReceived()
    {
        lock (_gate)
        {
            _lastReceived = _time.GetTimestamp();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var silent = _time.GetElapsedTime(_lastReceived);
            if (silent < _limit)
            {
                _timer.Change(_limit - silent, Timeout.InfiniteTimeSpan);
                return;
            }

            _disposed = true;
        }

        _onTimeout();
    }
}
