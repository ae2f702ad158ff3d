namespace GreenCompute.Grains.Nodes;

/// <summary>Whether a telemetry report was applied, and if not, why (it then changed nothing).</summary>
public sealed record TelemetryResult(bool Accepted, string? Rejection)
{
    public static readonly TelemetryResult Ok = new(true, null);

    public static TelemetryResult Rejected(string reason) => new(false, reason);
}
