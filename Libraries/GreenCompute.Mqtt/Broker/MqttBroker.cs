using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using GreenCompute.Mqtt.Channel;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// Embedded MQTT 3.1.1 / 5.0 broker: TCP (optionally TLS) on loopback by default; clean and persistent sessions, QoS
/// 0/1/2 both ways, retained messages, wills, keep alive enforcement, shared subscriptions, authentication and ACL hooks.
/// </summary>
public sealed class MqttBroker : IAsyncDisposable
{
    private readonly MqttBrokerOptions _options;
    private readonly BrokerCore _core;
    private readonly ConcurrentDictionary<BrokerConnection, Task> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    public MqttBroker(MqttBrokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _core = new BrokerCore(options);
    }

    /// <summary>The bound endpoint once started (the real port when <see cref="MqttBrokerOptions.Port"/> is 0).</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndpoint as IPEndPoint;

    public int Port => LocalEndPoint?.Port ?? throw new InvalidOperationException("The broker is not started.");

    /// <summary>Open network connections, before or after CONNECT.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Sessions held: connected clients and persistent sessions of offline clients.</summary>
    public int SessionCount => _core.SessionCount;

    internal BrokerCore Core => _core;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_listener is not null)
        {
            throw new InvalidOperationException("The broker is already started.");
        }

        if (_options.SessionStorePath is { } path)
        {
            var (sessions, retained) = new BrokerSessionStore(path, _options.TimeProvider).Load(_options.MaximumQueuedMessagesPerSession);
            _core.Import(sessions, retained);
        }

        _listener = new TcpListener(IPAddress.Parse(_options.ListenAddress), _options.Port);
        _listener.Start();
        BrokerLog.Listening(_options.Logger, _listener.LocalEndpoint.ToString() ?? "");
        _acceptLoop = AcceptLoopAsync(_listener, _stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Publishes from the host process (no ACL, no sender: no-local never applies).</summary>
    public Task PublishAsync(MqttApplicationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Validate(MqttProtocolVersion.V500);
        _core.Publish(new BrokerMessage(message.Topic, message.Payload, message.QualityOfService, message.Retain, message.Properties, ""));
        return Task.CompletedTask;
    }

    /// <summary>Stops listening and closes every connection (MQTT 5: DISCONNECT 0x8B); wills are not published.</summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _core.Stop();
        _listener?.Stop();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var connection in _connections.Keys)
        {
            connection.Kick(MqttReasonCode.ServerShuttingDown, "The broker is stopping.");
        }

        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        if (_options.SessionStorePath is { } path && _listener is not null)
        {
            _core.Export((sessions, retained) => new BrokerSessionStore(path, _options.TimeProvider).Save(sessions, retained));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _listener?.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException
                || (error is SocketException && cancellationToken.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException error)
            {
                // e.g. too many open files: keep serving the connections we have and try again.
                BrokerLog.AcceptFailed(_options.Logger, error);
                continue;
            }

            _ = ServeAsync(socket, cancellationToken);
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        var remote = socket.RemoteEndPoint?.ToString() ?? "unknown";
        Stream stream;
        try
        {
            using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            handshake.CancelAfter(_options.ConnectTimeout);
            stream = await MqttTcpConnector.AcceptAsync(socket, _options.Tls, handshake.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            BrokerLog.ClosedBeforeConnect(_options.Logger, remote, $"TLS handshake failed: {error.Message}");
            socket.Dispose();
            return;
        }

        var channel = new MqttPacketChannel(stream, MqttProtocolVersion.V311, _options.MaximumPacketSize, _options.TimeProvider);
        var connection = new BrokerConnection(channel, _core, _options, remote);
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _connections[connection] = completion.Task;
        try
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            await connection.RunAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // The last line of defence: whatever a connection hits, the broker keeps serving the others.
            BrokerLog.ConnectionFailed(_options.Logger, remote, error);
        }
        finally
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            _connections.TryRemove(connection, out _);
            completion.TrySetResult();
        }
    }
}
