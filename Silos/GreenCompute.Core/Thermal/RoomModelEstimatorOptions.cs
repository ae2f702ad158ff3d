namespace GreenCompute.Core.Thermal;

/// <summary>Tuning of <see cref="RoomModelEstimator"/>; the defaults suit 10 s telemetry of a room with τ of hours to days.</summary>
public sealed record RoomModelEstimatorOptions
{
    public static readonly RoomModelEstimatorOptions Default = new();

    /// <summary>Samples are averaged over windows this long before fitting, which beats sensor noise down (default 15 min).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Two windows whose centres are further apart than this are not paired (a telemetry gap; default 45 min).</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>A window needs this many samples to count.</summary>
    public int MinSamplesPerWindow { get; init; } = 3;

    /// <summary>RLS forgetting factor per window pair: 0.998 keeps a memory of ~500 windows (≈ 5 days at 15 min).</summary>
    public double ForgettingFactor { get; init; } = 0.998;

    /// <summary>Window pairs needed before the estimate replaces the prior (default 48 = 12 h).</summary>
    public int MinUpdates { get; init; } = 48;

    public double MinHeatLossWattsPerKelvin { get; init; } = 2;
    public double MaxHeatLossWattsPerKelvin { get; init; } = 5_000;
    public double MinCapacityWattHoursPerKelvin { get; init; } = 20;
    public double MaxCapacityWattHoursPerKelvin { get; init; } = 200_000;
}
