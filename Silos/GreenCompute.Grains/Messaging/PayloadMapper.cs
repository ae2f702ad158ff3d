using System.Text.Json;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Ledger;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Grains.Messaging;

/// <summary>Grain messages to schema-1 payloads (the sending side; <see cref="PayloadValidator"/> is the receiving side).</summary>
public static class PayloadMapper
{
    public static TelemetryPayload ToPayload(NodeTelemetry t, ComfortBand? band = null, string? state = null) => new(
        PayloadValidator.Version, t.NodeId, t.Time, t.Sequence, t.RoomTemperature.Value, band?.Min.Value, band?.Max.Value,
        t.Power.Value, t.EnergyCounter.Value, t.CpuUtilisation, [.. t.RunningTasks], state);

    public static TaskEventPayload ToPayload(TaskEvent e, string? outputHash = null) =>
        new(PayloadValidator.Version, e.NodeId, e.TaskId, Camel(e.Kind.ToString()), e.Done.Value, e.At, e.Detail, outputHash);

    /// <summary>A signed reading as it travels on the events topic; <paramref name="device"/> is the signer's address.</summary>
    public static ReceiptPayload ToPayload(SignedMeterReading signed, string device)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var r = signed.Reading;
        return new(PayloadValidator.Version, r.NodeId, ReceiptPayload.MeterReading, r.Sequence, r.Time, device, signed.Signature,
            CounterWh: r.CounterWh, RoomWantedHeat: r.RoomWantedHeat);
    }

    /// <summary>A signed task completion as it travels on the events topic; <paramref name="device"/> is the signer's address.</summary>
    public static ReceiptPayload ToPayload(SignedTaskCompletion signed, string device)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var c = signed.Completion;
        return new(PayloadValidator.Version, c.NodeId, ReceiptPayload.TaskCompletion, c.Sequence, c.Time, device, signed.Signature,
            JobId: c.JobId, TaskId: c.TaskId, CoreSeconds: c.CoreSeconds, OutputHash: c.OutputHash);
    }

    public static CommandPayload ToPayload(NodeCommand c) => new(
        PayloadValidator.Version, c.NodeId, c.IssuedAt, c.PowerCap.Value, Camel(c.Mode.ToString()),
        [.. c.Start.Select(s => new TaskStartPayload(s.TaskId, s.JobId, s.Workload, s.Checkpoint.Value, s.RemainingWork.Value, s.Cores,
            s.CheckpointInterval.TotalSeconds, s.Deadline))],
        [.. c.PauseAtCheckpoint], [.. c.Cancel], c.Reason, c.Band?.Min.Value, c.Band?.Max.Value);

    public static PriceCurvePayload ToPayload(PriceCurve c) =>
        new(PayloadValidator.Version, c.Zone, c.Start, (int)c.Resolution.TotalMinutes, [.. c.Prices.Select(p => p.Value)]);

    public static WeatherPayload ToPayload(OutdoorForecast f) =>
        new(PayloadValidator.Version, f.SiteId, f.Start, (int)f.Resolution.TotalMinutes, [.. f.Temperatures.Select(t => t.Value)]);

    public static StatusPayload Online(string nodeId, DateTimeOffset time) => new(PayloadValidator.Version, nodeId, "online", time, null);

    public static StatusPayload Offline(string nodeId, string reason) => new(PayloadValidator.Version, nodeId, "offline", null, reason);

    internal static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
