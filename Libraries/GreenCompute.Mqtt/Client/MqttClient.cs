using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// MQTT 3.1.1 / 5.0 client: QoS 0/1/2 both ways, persistent sessions, keep alive, automatic reconnection with capped
/// exponential backoff, re-subscription when the server lost the session, resend of in-flight messages and a bounded
/// pending queue. Set <see cref="MessageHandler"/> before connecting: a resumed session may deliver at once.
/// </summary>
public sealed class MqttClient : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly ClientSession _session;
    private readonly IncomingQoS2Identifiers _incoming = new();
    private readonly ClientSubscriptions _subscriptions;
    private readonly ClientDispatcher _dispatcher;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private readonly ClientReconnector _reconnector;
    private volatile ClientConnection? _connection;
    private Task _supervision = Task.CompletedTask;
    private bool _hasConnected;
    private bool _disposed;
    private long _connections;

    public MqttClient(MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _session = new ClientSession(options);
        _subscriptions = new ClientSubscriptions(_session, options);
        _dispatcher = new ClientDispatcher(() => MessageHandler, options.Logger, options.MaximumConcurrentHandlers);
        _reconnector = new ClientReconnector(options, ReconnectOnceAsync);
    }

    /// <summary>Called for every received message, one at a time; QoS 1/2 are acknowledged when it returns.</summary>
    public Func<MqttApplicationMessage, CancellationToken, ValueTask>? MessageHandler { get; set; }

    public event EventHandler<MqttConnectionStateChangedEventArgs>? ConnectionStateChanged;

    public MqttClientOptions Options => _options;

    public bool IsConnected => _connection is not null;

    /// <summary>The CONNACK of the current (or last) connection.</summary>
    public MqttConnectResult? ConnectResult { get; private set; }

    public MqttClientCounters Counters
    {
        get
        {
            var (published, dropped, refused, pending, inFlight) = _session.Snapshot();
            return new MqttClientCounters(published, _dispatcher.Delivered, dropped, refused, Interlocked.Read(ref _connections), pending, inFlight);
        }
    }

    /// <summary>Connects once; throws <see cref="MqttConnectException"/> when refused or unreachable. Reconnection starts after a first success.</summary>
    public async Task<MqttConnectResult> ConnectAsync(CancellationToken cancellationToken = default)
    {
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is not null)
            {
                throw new InvalidOperationException("The client is already connected.");
            }

            _reconnector.Enable();
            return await ConnectCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Sends DISCONNECT (MQTT 5: with <paramref name="reasonCode"/>, e.g. DisconnectWithWillMessage) and stops reconnecting.</summary>
    public async Task DisconnectAsync(MqttReasonCode reasonCode = MqttReasonCode.NormalDisconnection, CancellationToken cancellationToken = default)
    {
        await _reconnector.DisableAsync().ConfigureAwait(false);
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is { } connection)
            {
                await connection.DisconnectAsync(reasonCode, "Disconnected by the application.").ConfigureAwait(false);
            }

            await _supervision.ConfigureAwait(false);
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>
    /// Publishes and completes when the flow ends: QoS 0 written, QoS 1 PUBACK, QoS 2 PUBCOMP. While offline (or held back
    /// by the server's Receive Maximum) the message waits in the pending queue; cancelling stops a pending message, while
    /// one already in flight keeps its flow.
    /// </summary>
    public Task<MqttPublishResult> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Validate(_options.ProtocolVersion);
        try
        {
            return _session.Publish(message, cancellationToken);
        }
        catch (Exception error) when (error is MqttPendingQueueFullException or MqttProtocolException)
        {
            // Runtime refusals (queue full, retain not available) fault the task; only bad arguments throw at the call.
            return Task.FromException<MqttPublishResult>(error);
        }
    }

    public Task<MqttPublishResult> PublishAsync(string topic, string payload, MqttQualityOfService qualityOfService = MqttQualityOfService.AtMostOnce,
        bool retain = false, CancellationToken cancellationToken = default) =>
        PublishAsync(MqttApplicationMessage.FromText(topic, payload, qualityOfService, retain), cancellationToken);

    /// <summary>Subscribes (needs a connection); granted filters are remembered and re-subscribed if the server loses the session.</summary>
    public Task<MqttSubscribeResult> SubscribeAsync(MqttSubscribeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _subscriptions.SubscribeAsync(options, cancellationToken);
    }

    public Task<MqttSubscribeResult> SubscribeAsync(string topicFilter, MqttQualityOfService qualityOfService, CancellationToken cancellationToken = default) =>
        SubscribeAsync(MqttSubscribeOptions.For(topicFilter, qualityOfService), cancellationToken);

    /// <summary>Unsubscribes (needs a connection); MQTT 5 answers per filter (Success or NoSubscriptionExisted).</summary>
    public Task<MqttUnsubscribeResult> UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken = default) =>
        _subscriptions.UnsubscribeAsync(topicFilters, cancellationToken);

    public Task<MqttUnsubscribeResult> UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken = default) =>
        UnsubscribeAsync([topicFilter], cancellationToken);

    /// <summary>Disconnects (DISCONNECT when connected) and fails whatever still waits with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await DisconnectAsync().ConfigureAwait(false);
        _disposed = true;
        _session.Dispose(new ObjectDisposedException(nameof(MqttClient)));
        await _dispatcher.StopAsync().ConfigureAwait(false);
        _connectLock.Dispose();
    }

    /// <summary>Tests: closes the socket without DISCONNECT, as a network failure would (the server then publishes the will).</summary>
    internal void DropConnection() => _connection?.Abort("Connection dropped (test).");

    /// <summary>Called by the reconnector after each backoff delay; true when connected (or nothing left to do).</summary>
    private async Task<bool> ReconnectOnceAsync(CancellationToken cancellationToken)
    {
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_disposed || _connection is not null)
            {
                return true;
            }

            await ConnectCoreAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Runs under the connect lock.</summary>
    private async Task<MqttConnectResult> ConnectCoreAsync(CancellationToken cancellationToken)
    {
        var cleanStart = _hasConnected ? ClientConnector.CleanStartForReconnect(_options) : _options.CleanStart;
        var (channel, result) = await ClientConnector.ConnectAsync(_options, cleanStart, cancellationToken).ConfigureAwait(false);
        _hasConnected = true;
        Interlocked.Increment(ref _connections);
        if (!result.SessionPresent)
        {
            _incoming.Clear();
        }

        var connection = new ClientConnection(channel, result, _options, _session, _incoming, _dispatcher);
        ConnectResult = result;
        _connection = connection;
        _session.Attach(channel, result);
        _supervision = SuperviseAsync(connection);
        ClientLog.Connected(_options.Logger, result.ClientId, _options.Host, _options.Port, result.SessionPresent);
        if (!result.SessionPresent && _subscriptions.Count > 0)
        {
            // Before announcing the connection: whoever reacts to "connected" finds the subscriptions in place.
            await _subscriptions.ResubscribeAsync(result.ClientId, cancellationToken).ConfigureAwait(false);
        }

        RaiseStateChanged(new MqttConnectionStateChangedEventArgs(true, result, null));
        return result;
    }

    private async Task SuperviseAsync(ClientConnection connection)
    {
        string reason;
        try
        {
            reason = await connection.RunAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // The top of the connection's background loop: a bug here must still end in a clean reconnection.
            ClientLog.ConnectionLoopFailed(_options.Logger, connection.Result.ClientId, error);
            connection.Channel.Close();
            reason = $"Connection loop failed: {error.Message}";
        }

        _session.Detach(connection.Channel);
        _connection = null;
        await connection.Channel.DisposeAsync().ConfigureAwait(false);
        var lost = _reconnector.IsEnabled;
        if (lost)
        {
            ClientLog.ConnectionLost(_options.Logger, connection.Result.ClientId, reason);
        }
        else
        {
            ClientLog.Disconnected(_options.Logger, connection.Result.ClientId, reason);
        }

        if (lost && _options.AutoReconnect)
        {
            // Before the event: whoever reacts to "disconnected" finds the first backoff delay already running.
            _reconnector.Start();
        }

        RaiseStateChanged(new MqttConnectionStateChangedEventArgs(false, null, reason));
    }

    private void RaiseStateChanged(MqttConnectionStateChangedEventArgs args)
    {
        try
        {
            ConnectionStateChanged?.Invoke(this, args);
        }
        catch (Exception error)
        {
            // An application handler must not break the connection machinery; it is reported, not rethrown.
            ClientLog.EventHandlerFailed(_options.Logger, error);
        }
    }
}
