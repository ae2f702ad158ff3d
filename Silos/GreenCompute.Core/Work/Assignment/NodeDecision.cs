using System.Collections.Immutable;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// The commands for one node this round: task ids to start, keep, pause after their next checkpoint, or cancel;
/// the power cap (the planned power, or more while tasks finish to a checkpoint or a deadline forces a run); and
/// the reason for the node's state in plain words.
/// </summary>
public sealed record NodeDecision(
    string NodeId,
    ImmutableArray<string> Start,
    ImmutableArray<string> Keep,
    ImmutableArray<string> PauseAfterCheckpoint,
    ImmutableArray<string> Cancel,
    Watts PowerCap,
    Reason Reason);
