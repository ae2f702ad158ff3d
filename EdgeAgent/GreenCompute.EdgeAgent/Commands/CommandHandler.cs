using GreenCompute.Core.Model;
using GreenCompute.Core.Work.Cores;
using GreenCompute.EdgeAgent.Power;
using GreenCompute.EdgeAgent.Tasks;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using Microsoft.Extensions.Logging;

namespace GreenCompute.EdgeAgent.Commands;

/// <summary>
/// Applies gc/v1/nodes/{id}/commands: validated exactly as the silo writes them (<see cref="PayloadValidator.Command"/>),
/// then cancel, pause-at-checkpoint, the cores the power cap pays for (tasks beyond them wait), start-or-resume, and the
/// power cap (W → CPU share between the heater's idle and maximum power). A malformed command changes nothing and is logged with its reason.
/// </summary>
internal sealed class CommandHandler(string nodeId, HeaterSpec heater, TaskSupervisor tasks, IPowerLimiter limiter, ILogger logger)
{
    /// <summary>The last accepted command (telemetry reports its band and mode).</summary>
    public NodeCommand? Last { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Raised after a command was applied or rejected (tests await it).</summary>
    public event Action<NodeCommand?>? Handled;

    public async Task HandleAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!PayloadCodec.TryRead(payload.Span, PayloadJsonContext.Default.CommandPayload, out var parsed, out var rejection))
        {
            Reject(rejection!.Code, rejection.Message);
            return;
        }

        var validated = PayloadValidator.Command(parsed, nodeId);
        if (validated.Value is not { } command)
        {
            Reject(validated.Rejection!.Code, validated.Rejection.Message);
            return;
        }

        foreach (var id in command.Cancel)
        {
            tasks.Cancel(id);
        }

        foreach (var id in command.PauseAtCheckpoint)
        {
            await tasks.PauseAtCheckpointAsync(id).ConfigureAwait(false);
        }

        // The cores the cap pays for bound how many tasks run; the rest wait, earliest deadline first.
        tasks.CoreLimit = CoreSlots.Allowed(heater, command.PowerCap);
        await tasks.StartOrResumeAsync(command.Start, cancellationToken).ConfigureAwait(false);

        var share = ShareFor(command.PowerCap.Value);
        if (Math.Abs(share - limiter.Share) > 1e-9)
        {
            limiter.SetShare(share);
            AgentLog.PowerCap(logger, command.PowerCap.Value, share, limiter.Name);
        }

        Last = command;
        Handled?.Invoke(command);
    }

    /// <summary>The CPU share a cap allows: 0 at or below idle power, 1 at or above maximum power, linear between.</summary>
    public double ShareFor(double capWatts)
    {
        var span = heater.MaxPower.Value - heater.IdlePower.Value;
        return span <= 0 ? 1 : Math.Clamp((capWatts - heater.IdlePower.Value) / span, 0, 1);
    }

    private void Reject(string code, string reason)
    {
        Rejected++;
        AgentLog.CommandRejected(logger, code, reason);
        Handled?.Invoke(null);
    }
}
