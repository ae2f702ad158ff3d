namespace GreenCompute.Core.Planning;

/// <summary>What the comfort guard is doing.</summary>
public enum GuardMode
{
    /// <summary>The plan's command applies.</summary>
    FollowPlan,
    /// <summary>Below the band: full heat until the band minimum plus the deadband.</summary>
    Boost,
    /// <summary>Above the band: no heat-only load until the band maximum minus the deadband.</summary>
    Trim,
}
