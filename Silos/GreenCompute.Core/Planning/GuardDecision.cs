using GreenCompute.Core.Units;

namespace GreenCompute.Core.Planning;

/// <summary>The power cap and heat-only setting the device applies now; <see cref="Override"/> says why it differs from the plan, or is null.</summary>
public readonly record struct GuardDecision(GuardMode Mode, Watts PowerCap, bool HeatWanted, Reason? Override);
