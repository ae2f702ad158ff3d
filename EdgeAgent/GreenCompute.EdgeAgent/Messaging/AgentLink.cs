using GreenCompute.Grains.Messaging;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using Microsoft.Extensions.Logging;

namespace GreenCompute.EdgeAgent.Messaging;

/// <summary>
/// The agent's MQTT connection: a persistent session (commands sent while it was away are delivered when it returns),
/// a retained last will "offline" on gc/v1/nodes/{id}/status, a retained "online" after every (re)connect, and the
/// commands subscription at QoS 1. The first connection is retried with capped backoff; after that the client reconnects
/// by itself.
/// </summary>
internal sealed class AgentLink : IAsyncDisposable
{
    private readonly string _nodeId;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _online;

    public AgentLink(BrokerEndpoint broker, string nodeId, TimeProvider time, ILogger logger)
    {
        _nodeId = nodeId;
        _time = time;
        _logger = logger;
        Client = new MqttClient(new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            UserName = broker.UserName,
            Password = broker.Password,
            ClientId = "gc-agent-" + nodeId,
            CleanStart = false,
            SessionExpiryInterval = 7 * 24 * 3600,
            KeepAlive = TimeSpan.FromSeconds(30),
            MaximumReconnectDelay = TimeSpan.FromSeconds(30),
            Will = new MqttWillMessage
            {
                Topic = Topics.Status(nodeId),
                Payload = Status("offline", "connection lost"),
                QualityOfService = MqttQualityOfService.AtLeastOnce,
                Retain = true,
            },
            Logger = logger,
        });
        Client.ConnectionStateChanged += OnStateChanged;
    }

    public MqttClient Client { get; }

    /// <summary>Called for each command payload received (set before <see cref="ConnectAsync"/>).</summary>
    public Func<ReadOnlyMemory<byte>, ValueTask>? CommandReceived { get; set; }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        Client.MessageHandler = async (message, _) =>
        {
            if (message.Topic == Topics.Commands(_nodeId) && CommandReceived is { } handler)
            {
                await handler(message.Payload).ConfigureAwait(false);
            }
        };
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await Client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (MqttConnectException error) when (!cancellationToken.IsCancellationRequested)
            {
                AgentLog.BrokerUnreachable(_logger, Client.Options.Host, Client.Options.Port, error.Message, delay.TotalSeconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }

        var granted = await Client.SubscribeAsync(Topics.Commands(_nodeId), MqttQualityOfService.AtLeastOnce, cancellationToken).ConfigureAwait(false);
        AgentLog.Subscribed(_logger, Topics.Commands(_nodeId), granted.Items[0].ReasonCode.ToString());
        await PublishOnlineAsync().ConfigureAwait(false);
    }

    /// <summary>Publishes the retained "offline" status and disconnects cleanly (a clean DISCONNECT suppresses the will).</summary>
    public async Task GoOfflineAsync()
    {
        if (Client.IsConnected)
        {
            await Client.PublishAsync(new MqttApplicationMessage
            {
                Topic = Topics.Status(_nodeId),
                Payload = Status("offline", "agent stopped"),
                QualityOfService = MqttQualityOfService.AtLeastOnce,
                Retain = true,
            }).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await Client.DisconnectAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private void OnStateChanged(object? sender, MqttConnectionStateChangedEventArgs e)
    {
        if (!e.IsConnected)
        {
            AgentLog.Disconnected(_logger, e.Reason ?? "");
            return;
        }

        AgentLog.Connected(_logger, Client.Options.Host, Client.Options.Port);
        if (Client.ConnectResult is not null && sender is not null && _online)
        {
            // A reconnect: the will may have replaced the retained status while we were away.
            _ = PublishOnlineAsync();
        }
    }

    private async Task PublishOnlineAsync()
    {
        _online = true;
        try
        {
            await Client.PublishAsync(new MqttApplicationMessage
            {
                Topic = Topics.Status(_nodeId),
                Payload = Status("online", null),
                QualityOfService = MqttQualityOfService.AtLeastOnce,
                Retain = true,
            }).ConfigureAwait(false);
        }
        catch (Exception error) when (error is MqttClientNotConnectedException or MqttPendingQueueFullException or ObjectDisposedException)
        {
            AgentLog.StatusNotSent(_logger, error.Message);
        }
    }

    private byte[] Status(string state, string? reason) =>
        PayloadCodec.Write(new StatusPayload(PayloadValidator.Version, _nodeId, state, _time.GetUtcNow(), reason), PayloadJsonContext.Default.StatusPayload);
}
