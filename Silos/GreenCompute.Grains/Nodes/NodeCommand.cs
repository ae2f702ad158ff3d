using System.Collections.Immutable;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Nodes;

/// <summary>
/// What the scheduler tells one heater for the coming slot (DESIGN.md data flow 3): its power cap, the tasks to
/// start, those to pause at their next checkpoint and those to cancel, and why, in plain words. <see cref="Band"/> is the
/// room's comfort band now, which the device's comfort guard holds between plans (filled in by the node grain).
/// </summary>
public sealed record NodeCommand(
    string NodeId,
    DateTimeOffset IssuedAt,
    Watts PowerCap,
    HeaterMode Mode,
    ImmutableArray<TaskStart> Start,
    ImmutableArray<string> PauseAtCheckpoint,
    ImmutableArray<string> Cancel,
    string Reason)
{
    public ComfortBand? Band { get; init; }
}
