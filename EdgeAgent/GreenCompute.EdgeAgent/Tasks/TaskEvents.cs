using GreenCompute.EdgeAgent.Outbox;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Scheduling;
using Microsoft.Extensions.Logging;

namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>Task events (schema-1 <see cref="TaskEventPayload"/>) into the outbox for gc/v1/nodes/{id}/events, QoS 1.</summary>
internal sealed class TaskEvents(string nodeId, EventOutbox outbox, TimeProvider time, ILogger logger)
{
    /// <summary>Raised after an event is durably in the outbox (tests await it).</summary>
    public event Action<TaskEventPayload>? Added;

    public void Emit(string taskId, TaskEventKind kind, double doneCoreSeconds, string? detail = null, string? outputHash = null)
    {
        var done = new Core.Units.CoreSeconds(Math.Max(0, doneCoreSeconds));
        var payload = PayloadMapper.ToPayload(new TaskEvent(taskId, nodeId, kind, done, time.GetUtcNow(), detail), outputHash);
        outbox.Add(Topics.Events(nodeId), PayloadCodec.Write(payload, PayloadJsonContext.Default.TaskEventPayload), payload.At!.Value);
        AgentLog.TaskEvent(logger, taskId, payload.Kind!, detail ?? "");
        Added?.Invoke(payload);
    }
}
