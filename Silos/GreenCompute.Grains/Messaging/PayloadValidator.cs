using GreenCompute.Core.Comfort;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Grains.Messaging;

/// <summary>
/// Pure checks of arriving payloads (schema version, required fields, ranges, key matches the topic) and their mapping
/// to the grain messages. Every refusal carries a reason; history-dependent checks (monotonic sequence and energy
/// counter, clock skew, the heater's own power limit) stay in the node grain, which knows the previous report.
/// </summary>
public static partial class PayloadValidator
{
    /// <summary>The payload schema version this silo reads and writes.</summary>
    public const int Version = 1;

    /// <summary>Far above any heater (W): a sanity bound; the node grain checks against its heater's rating.</summary>
    public const double MaxWatts = 100_000;

    public static Validated<NodeTelemetry> Telemetry(TelemetryPayload? p, string topicNodeId)
    {
        if (p is null)
        {
            return Validated<NodeTelemetry>.Fail(PayloadRejection.MalformedJson, "payload is JSON null");
        }

        var problem = SchemaOf(p.V)
            ?? KeyOf(p.NodeId, topicNodeId, "nodeId")
            ?? Required(p.Time, "time")
            ?? Range(p.Seq, "seq", 0, long.MaxValue, "")
            ?? Range(p.RoomCelsius, "roomCelsius", -40, 80, " °C")
            ?? Range(p.PowerWatts, "powerWatts", 0, MaxWatts, " W")
            ?? Range(p.EnergyWh, "energyWh", 0, 1e15, " Wh")
            ?? Range(p.Cpu, "cpu", 0, 1, "")
            ?? BandOf(p.BandMinCelsius, p.BandMaxCelsius)
            ?? Ids(p.RunningTasks, "runningTasks");
        return problem is not null
            ? new Validated<NodeTelemetry>(null, problem)
            : Validated<NodeTelemetry>.Ok(new NodeTelemetry(
                topicNodeId, p.Time!.Value, p.Seq!.Value, new Celsius(p.RoomCelsius!.Value), new Watts(p.PowerWatts!.Value),
                new WattHours(p.EnergyWh!.Value), p.Cpu!.Value, [.. p.RunningTasks ?? []]));
    }

    public static Validated<StatusPayload> Status(StatusPayload? p, string topicNodeId)
    {
        if (p is null)
        {
            return Validated<StatusPayload>.Fail(PayloadRejection.MalformedJson, "payload is JSON null");
        }

        var problem = SchemaOf(p.V)
            ?? KeyOf(p.NodeId, topicNodeId, "nodeId")
            ?? Required(p.State, "state")
            ?? (p.State is "online" or "offline" ? null : new PayloadRejection(PayloadRejection.OutOfRange, $"state '{p.State}' is neither 'online' nor 'offline'"));
        return problem is null ? Validated<StatusPayload>.Ok(p) : new Validated<StatusPayload>(null, problem);
    }

    public static Validated<TaskEvent> TaskEvent(TaskEventPayload? p, string topicNodeId)
    {
        if (p is null)
        {
            return Validated<TaskEvent>.Fail(PayloadRejection.MalformedJson, "payload is JSON null");
        }

        var problem = SchemaOf(p.V)
            ?? KeyOf(p.NodeId, topicNodeId, "nodeId")
            ?? Id(p.TaskId, "taskId")
            ?? Required(p.Kind, "kind")
            ?? (TryEnum<TaskEventKind>(p.Kind, out _) ? null : Unknown("kind", p.Kind, Enum.GetNames<TaskEventKind>()))
            ?? Range(p.DoneCoreSeconds, "doneCoreSeconds", 0, 1e15, " core-s")
            ?? Required(p.At, "at");
        if (problem is not null)
        {
            return new Validated<TaskEvent>(null, problem);
        }

        TryEnum<TaskEventKind>(p.Kind, out var kind);
        return Validated<TaskEvent>.Ok(new TaskEvent(p.TaskId!, topicNodeId, kind, new CoreSeconds(p.DoneCoreSeconds!.Value), p.At!.Value, p.Detail));
    }

    /// <summary>A command as the device reads it (the EdgeAgent side).</summary>
    public static Validated<NodeCommand> Command(CommandPayload? p, string topicNodeId)
    {
        if (p is null)
        {
            return Validated<NodeCommand>.Fail(PayloadRejection.MalformedJson, "payload is JSON null");
        }

        var problem = SchemaOf(p.V)
            ?? KeyOf(p.NodeId, topicNodeId, "nodeId")
            ?? Required(p.IssuedAt, "issuedAt")
            ?? Range(p.PowerCapWatts, "powerCapWatts", 0, MaxWatts, " W")
            ?? Required(p.Mode, "mode")
            ?? (TryEnum<HeaterMode>(p.Mode, out _) ? null : Unknown("mode", p.Mode, Enum.GetNames<HeaterMode>()))
            ?? Ids(p.PauseAtCheckpoint, "pauseAtCheckpoint")
            ?? Ids(p.Cancel, "cancel")
            ?? BandOf(p.BandMinCelsius, p.BandMaxCelsius)
            ?? (p.Start ?? []).Select(StartProblem).FirstOrDefault(r => r is not null);
        if (problem is not null)
        {
            return new Validated<NodeCommand>(null, problem);
        }

        TryEnum<HeaterMode>(p.Mode, out var mode);
        var starts = (p.Start ?? []).Select(s => new TaskStart(
            s.TaskId!, s.JobId!, s.Workload!, new CoreSeconds(s.CheckpointCoreSeconds!.Value), new CoreSeconds(s.RemainingCoreSeconds!.Value),
            s.Cores!.Value, TimeSpan.FromSeconds(s.CheckpointIntervalSeconds!.Value)) { Deadline = s.Deadline });
        var command = new NodeCommand(topicNodeId, p.IssuedAt!.Value, new Watts(p.PowerCapWatts!.Value), mode, [.. starts],
            [.. p.PauseAtCheckpoint ?? []], [.. p.Cancel ?? []], p.Reason ?? "")
        {
            Band = p.BandMinCelsius is { } min && p.BandMaxCelsius is { } max ? new ComfortBand(new Celsius(min), new Celsius(max)) : null,
        };
        return Validated<NodeCommand>.Ok(command);
    }

    private static PayloadRejection? StartProblem(TaskStartPayload? s) =>
        s is null
            ? Missing("start[]")
            : Id(s.TaskId, "start[].taskId")
                ?? Id(s.JobId, "start[].jobId")
                ?? Id(s.Workload, "start[].workload")
                ?? Range(s.CheckpointCoreSeconds, "start[].checkpointCoreSeconds", 0, 1e15, " core-s")
                ?? Range(s.RemainingCoreSeconds, "start[].remainingCoreSeconds", 0, 1e15, " core-s")
                ?? Range(s.Cores, "start[].cores", 1, 4096, "")
                ?? Range(s.CheckpointIntervalSeconds, "start[].checkpointIntervalSeconds", 0, 7 * 86_400, " s");

    private static PayloadRejection? SchemaOf(int v) =>
        v == Version ? null : new PayloadRejection(PayloadRejection.SchemaVersion, $"schema version v={v} is not supported (this silo reads v={Version})");

    private static PayloadRejection? KeyOf(string? inPayload, string fromTopic, string field) =>
        inPayload is null
            ? Missing(field)
            : inPayload == fromTopic
                ? null
                : new PayloadRejection(PayloadRejection.TopicMismatch, $"{field} '{inPayload}' does not match the topic's '{fromTopic}'");

    private static PayloadRejection? BandOf(double? min, double? max)
    {
        if (min is null && max is null)
        {
            return null;
        }

        return Range(min, "bandMinCelsius", 0, 40, " °C")
            ?? Range(max, "bandMaxCelsius", 0, 40, " °C")
            ?? (min < max ? null : new PayloadRejection(PayloadRejection.OutOfRange, $"band {min}–{max} °C is inverted or empty"));
    }

    private static PayloadRejection? Ids(IReadOnlyList<string>? ids, string field)
    {
        // A loop, and the field name built only for a refusal: this runs on every telemetry message.
        for (var i = 0; ids is not null && i < ids.Count; i++)
        {
            if (ids[i] is not { Length: > 0 and <= 256 })
            {
                return Id(ids[i], $"{field}[{i}]");
            }
        }

        return null;
    }

    private static PayloadRejection? Id(string? id, string field) =>
        id is null ? Missing(field) : id.Length is > 0 and <= 256 ? null : new PayloadRejection(PayloadRejection.OutOfRange, $"{field} must be 1..256 characters");

    private static PayloadRejection? Required(object? value, string field) => value is null ? Missing(field) : null;

    private static PayloadRejection? Range(double? value, string field, double min, double max, string unit) =>
        value is not { } v
            ? Missing(field)
            : double.IsFinite(v) && v >= min && v <= max
                ? null
                : new PayloadRejection(PayloadRejection.OutOfRange, $"{field} {v}{unit} is outside {min}..{max}{unit}");

    private static PayloadRejection Missing(string field) => new(PayloadRejection.MissingField, $"required field '{field}' is missing");

    private static PayloadRejection Unknown(string field, string? value, string[] names) =>
        new(PayloadRejection.OutOfRange, $"{field} '{value}' is not one of {string.Join(", ", names.Select(PayloadMapper.Camel))}");

    /// <summary>Enum names only, case-insensitive; numbers are refused (Enum.TryParse would take "7").</summary>
    internal static bool TryEnum<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is { Length: > 0 } && char.IsLetter(text[0]) && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
