namespace GreenCompute.Grains.Nodes;

/// <summary>Node grain settings.</summary>
public sealed record NodeOptions
{
    /// <summary>A node silent for this long is offline (DESIGN.md: telemetry every 10 s).</summary>
    public TimeSpan OfflineAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>State is saved at most this often while telemetry streams in (and always at deactivation).</summary>
    public TimeSpan SaveEvery { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Telemetry stamped further ahead of the silo's clock than this is refused.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(2);
}
