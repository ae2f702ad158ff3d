using System.Collections.Concurrent;
using GreenCompute.Actors;
using GreenCompute.Grains.Messaging;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// The silo's MQTT ingest (DESIGN.md data flow 1, 2, 4): subscribes to the device topics through the shared subscription
/// group "silo" (several silos split the fleet) and to the retained price and weather topics (every silo needs all of
/// them), validates each payload and routes it to its grain. A malformed or refused message is logged with its reason,
/// counted per reason code, and changes nothing. Messages are started one at a time in arrival order (the client's
/// dispatcher) and up to <see cref="DefaultConcurrency"/> are in the grains at once, so a node's reports reach its grain in the order the broker delivered them.
/// </summary>
internal sealed class MqttIngest : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Filters =
    [
        Topics.SharedNodeFilter("telemetry"),
        Topics.SharedNodeFilter("events"),
        Topics.SharedNodeFilter("status"),
        Topics.PricesPrefix + "+",
        Topics.WeatherPrefix + "+",
    ];

    private readonly MqttClient _client;
    private readonly IngestRouter _router;
    private readonly ILogger _logger;
    private readonly IngestProgress _progress = new();
    private readonly IngestProgress[] _progressByKind = [.. Enum.GetValues<TopicKind>().Select(_ => new IngestProgress())];
    private readonly long[] _rejectedByKind = new long[Enum.GetValues<TopicKind>().Length];
    private readonly ConcurrentDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private long _applied;

    /// <summary>
    /// Messages in the grains at once by default: the handler's synchronous part (parse, validate, enqueue the grain
    /// call) runs in arrival order, so each grain still sees its messages in order, and each acknowledgement waits for
    /// its grain (the client acknowledges in order), so nothing is acknowledged before it was applied.
    /// </summary>
    public const int DefaultConcurrency = 256;

    /// <remarks>Sets <paramref name="options"/>' MaximumConcurrentHandlers to <paramref name="concurrency"/> (1 = one message at a time).</remarks>
    public MqttIngest(MqttClientOptions options, IGrainFactory grains, ILogger? logger = null, int concurrency = DefaultConcurrency)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MaximumConcurrentHandlers = concurrency;

        _logger = logger ?? NullLogger.Instance;
        _router = new IngestRouter(grains);
        _client = new MqttClient(options) { MessageHandler = HandleAsync };
    }

    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>
    /// Which nodes' messages count in <see cref="ProcessedOf"/> and <see cref="WhenProcessed(TopicKind, long)"/> (null:
    /// all): a simulated fleet's link waits for exactly its own devices' messages while paired devices share the broker.
    /// Price and weather messages always count; <see cref="Processed"/> counts every message.
    /// </summary>
    public Func<string, bool>? CountsNode { get; init; }

    /// <summary>Called after a node's message (telemetry, status, events) was applied, with its kind and node id: live views follow a node without waiting for a fleet step.</summary>
    public Action<TopicKind, string>? NodeApplied { get; set; }

    public long Rejected => _rejected.Values.Sum();

    /// <summary>Messages applied or rejected so far.</summary>
    public long Processed => _progress.Processed;

    /// <summary>Rejections per <see cref="PayloadRejection"/> code.</summary>
    public IReadOnlyDictionary<string, long> RejectedByReason => new Dictionary<string, long>(_rejected, StringComparer.Ordinal);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _client.ConnectAsync(cancellationToken);
        var result = await _client.SubscribeAsync(new MqttSubscribeOptions
        {
            Subscriptions = [.. Filters.Select(f => new MqttSubscription { TopicFilter = f, MaximumQualityOfService = MqttQualityOfService.AtLeastOnce })],
        }, cancellationToken);
        if (result.Items.FirstOrDefault(i => !i.IsGranted) is { TopicFilter: not null } refused)
        {
            throw new InvalidOperationException($"The broker refused the ingest's subscription: {refused.ReasonCode}.");
        }

        IngestLog.Subscribed(_logger, string.Join(", ", Filters), _client.Options.Host, _client.Options.Port);
    }

    /// <summary>Completes when <paramref name="count"/> messages in total have been applied or rejected.</summary>
    public Task WhenProcessed(long count) => _progress.WhenProcessed(count);

    /// <summary>Messages on <paramref name="kind"/> topics applied or rejected so far.</summary>
    public long ProcessedOf(TopicKind kind) => _progressByKind[(int)kind].Processed;

    /// <summary>Messages on <paramref name="kind"/> topics rejected so far.</summary>
    public long RejectedOf(TopicKind kind) => Interlocked.Read(ref _rejectedByKind[(int)kind]);

    /// <summary>
    /// Completes when <paramref name="count"/> messages on <paramref name="kind"/> topics have been applied or rejected
    /// (counting per kind keeps a stray retained message of another kind from satisfying the wait).
    /// </summary>
    public Task WhenProcessed(TopicKind kind, long count) => _progressByKind[(int)kind].WhenProcessed(count);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        await _client.DisposeAsync();
    }

    private async ValueTask HandleAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var kind = Topics.TryParse(message.Topic, out var parsed) ? parsed.Kind : (TopicKind?)null;
        // Per-kind counts are the fleet's (CountsNode): a paired device's message neither advances nor fails its steps.
        var counted = kind is TopicKind.Prices or TopicKind.Weather || (kind is not null && (CountsNode is null || CountsNode(parsed.Key)));
        try
        {
            var rejection = await _router.RouteAsync(message.Topic, message.Payload);
            if (rejection is null)
            {
                Interlocked.Increment(ref _applied);
                if (kind is TopicKind.Telemetry or TopicKind.Status or TopicKind.Events)
                {
                    NodeApplied?.Invoke(kind.Value, parsed.Key);
                }
            }
            else
            {
                _rejected.AddOrUpdate(rejection.Code, 1, (_, n) => n + 1);
                CountRejected(counted ? kind : null);
                IngestLog.Rejected(_logger, message.Topic, rejection.Code, rejection.Message);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The grain threw (a bug, or a call timeout): the message is counted and acknowledged, never retried forever.
            _rejected.AddOrUpdate("grain-failed", 1, (_, n) => n + 1);
            CountRejected(counted ? kind : null);
            IngestLog.GrainFailed(_logger, message.Topic, error);
        }
        finally
        {
            if (counted)
            {
                _progressByKind[(int)kind!.Value].Increment();
            }

            _progress.Increment();
        }
    }

    private void CountRejected(TopicKind? kind)
    {
        if (kind is { } k)
        {
            Interlocked.Increment(ref _rejectedByKind[(int)k]);
        }
    }
}
