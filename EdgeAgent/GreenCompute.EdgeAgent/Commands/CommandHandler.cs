using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
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
/// power cap (W → CPU share between the heater's idle and maximum power). A malformed command changes nothing and is
/// logged with its reason. It also holds the on-device comfort guard (<see cref="ObserveRoom"/>): above the commanded
/// band's maximum the task processes are stopped (CPU share 0) until the room is back below the maximum minus the
/// guard's deadband (<see cref="ComfortGuard"/>'s rule, as the simulated agents use it).
/// </summary>
internal sealed class CommandHandler(string nodeId, HeaterSpec heater, TaskSupervisor tasks, IPowerLimiter limiter, ILogger logger)
{
    private readonly Lock _guardLock = new();
    private GuardMode _guardMode = GuardMode.FollowPlan;

    /// <summary>The last accepted command (telemetry reports its band and mode).</summary>
    public NodeCommand? Last { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Why the comfort guard holds the tasks right now, or null when it does not.</summary>
    public string? GuardReason { get; private set; }

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

        lock (_guardLock)
        {
            Last = command;
            ApplyShare();
        }

        Handled?.Invoke(command);
    }

    /// <summary>
    /// The guard's look at the room (each telemetry tick): above the band maximum of the last command it stops the task
    /// processes and says why (log, a progress event per held task); it lets them go below the maximum minus the deadband.
    /// </summary>
    public void ObserveRoom(Celsius room)
    {
        lock (_guardLock)
        {
            Observe(room);
        }
    }

    private void Observe(Celsius room)
    {
        var band = Last?.Band;
        var mode = Last is { } command && band is { } b
            ? ComfortGuard.Default.Decide(_guardMode, room, b, command.PowerCap, commandedHeat: true, heater).Mode
            : GuardMode.FollowPlan;
        var wasHolding = _guardMode == GuardMode.Trim;
        _guardMode = mode;
        if (mode == GuardMode.Trim && !wasHolding)
        {
            GuardReason = $"room {room.Value:0.00} °C is above the band maximum {band!.Value.Max.Value:0.00} °C: the on-device comfort guard stopped computing";
            AgentLog.GuardHolds(logger, GuardReason);
            tasks.Announce("held: " + GuardReason);
            ApplyShare();
        }
        else if (mode != GuardMode.Trim && wasHolding)
        {
            GuardReason = null;
            var detail = $"released: room {room.Value:0.00} °C is back in the band, the on-device comfort guard let computing go on";
            AgentLog.GuardReleased(logger, detail);
            tasks.Announce(detail);
            ApplyShare();
        }
    }

    /// <summary>The CPU share a cap allows: 0 at or below idle power, 1 at or above maximum power, linear between.</summary>
    public double ShareFor(double capWatts)
    {
        var span = heater.MaxPower.Value - heater.IdlePower.Value;
        return span <= 0 ? 1 : Math.Clamp((capWatts - heater.IdlePower.Value) / span, 0, 1);
    }

    private void ApplyShare()
    {
        var cap = Last?.PowerCap.Value ?? heater.MaxPower.Value;
        var share = _guardMode == GuardMode.Trim ? 0 : ShareFor(cap);
        if (Math.Abs(share - limiter.Share) > 1e-9)
        {
            limiter.SetShare(share);
            AgentLog.PowerCap(logger, cap, share, limiter.Name);
        }
    }

    private void Reject(string code, string reason)
    {
        Rejected++;
        AgentLog.CommandRejected(logger, code, reason);
        Handled?.Invoke(null);
    }
}
