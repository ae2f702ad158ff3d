using System.Text.Json;
using GreenCompute.Core.Model;
using GreenCompute.EdgeAgent.Commands;
using GreenCompute.EdgeAgent.Receipts;
using GreenCompute.EdgeAgent.Sensors;
using GreenCompute.EdgeAgent.State;
using GreenCompute.EdgeAgent.Tasks;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using Microsoft.Extensions.Logging;

namespace GreenCompute.EdgeAgent.Telemetry;

/// <summary>
/// Every <see cref="Period"/> (10 s) on the injected clock: reads the sensors and publishes gc/v1/nodes/{id}/telemetry
/// at QoS 0 with a durable sequence number and energy counter, both monotonic across restarts (kept in the agent's
/// SQLite file). Every <see cref="ReadingEvery"/> it also signs a meter reading into the outbox.
/// </summary>
internal sealed class TelemetryLoop(
    string nodeId,
    HeaterSpec heater,
    ISensorSource sensors,
    TaskSupervisor tasks,
    CommandHandler commands,
    AgentDatabase database,
    MqttClient client,
    TimeProvider time,
    ILogger logger,
    ReceiptPublisher? receipts = null) : IDisposable
{
    public const string SequenceCounter = "telemetry-sequence";
    public const string EnergyCounter = "energy-wh";
    private ITimer? _timer;
    private DateTimeOffset _lastReading = DateTimeOffset.MinValue;

    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReadingEvery { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Raised with each report after it was handed to the client (tests await it).</summary>
    public event Action<TelemetryPayload>? Published;

    /// <summary>Reports once now, then every period.</summary>
    public void Start()
    {
        Tick();
        _timer = time.CreateTimer(_ => Tick(), null, Period, Period);
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>One report now (the timer's work).</summary>
    public TelemetryPayload Tick()
    {
        // Tasks held by the comfort guard are stopped: they draw no power and heat nothing.
        var load = commands.GuardReason is null ? Math.Min(1.0, tasks.BusyCores / (double)Math.Max(1, heater.Cores)) : 0;
        var reading = sensors.Read(load);
        commands.ObserveRoom(reading.Room);
        var now = time.GetUtcNow();
        database.SetCounter(EnergyCounter, reading.Energy.Value);
        var running = tasks.RunningTaskIds;
        var band = commands.Last?.Band;
        var payload = new TelemetryPayload(PayloadValidator.Version, nodeId, now, database.Next(SequenceCounter), Math.Round(reading.Room.Value, 3),
            band?.Min.Value, band?.Max.Value, Math.Round(reading.Power.Value, 3), reading.Energy.Value, reading.Cpu, running, State(running.Count));
        _ = PublishAsync(payload);
        if (receipts is not null && now - _lastReading >= ReadingEvery)
        {
            _lastReading = now;
            receipts.MeterReading(now, reading.Energy.Value, band is not { } b || reading.Room.Value < b.Max.Value);
        }

        Published?.Invoke(payload);
        return payload;
    }

    /// <summary>
    /// "comfortGuard" while the guard holds the tasks; "computing" while tasks run; otherwise the commanded mode, where
    /// computing without tasks means heat only.
    /// </summary>
    private string State(int running)
    {
        if (commands.GuardReason is not null)
        {
            return "comfortGuard";
        }

        var mode = commands.Last?.Mode ?? HeaterMode.Idle;
        return running > 0 ? "computing" : JsonNamingPolicy.CamelCase.ConvertName((mode == HeaterMode.Computing ? HeaterMode.HeatOnly : mode).ToString());
    }

    private async Task PublishAsync(TelemetryPayload payload)
    {
        try
        {
            await client.PublishAsync(new MqttApplicationMessage
            {
                Topic = Topics.Telemetry(nodeId),
                Payload = PayloadCodec.Write(payload, PayloadJsonContext.Default.TelemetryPayload),
                QualityOfService = MqttQualityOfService.AtMostOnce,
            }).ConfigureAwait(false);
        }
        catch (Exception error) when (error is MqttClientNotConnectedException or MqttPendingQueueFullException or ObjectDisposedException)
        {
            // Telemetry is a stream of states: a lost report is replaced by the next one 10 s later.
            AgentLog.TelemetryNotSent(logger, error.Message);
        }
    }
}
