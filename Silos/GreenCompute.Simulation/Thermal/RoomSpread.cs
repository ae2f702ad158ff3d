namespace GreenCompute.Simulation.Thermal;

/// <summary>
/// Draws a room around a baseline: capacity, U-values and air-change rates each scaled by an independent factor
/// in [1 − spread, 1 + spread] (notes §5.1: ±30 %). Deterministic for a given <see cref="Random"/> sequence.
/// </summary>
internal static class RoomSpread
{
    public static RoomGeometry Sample(RoomGeometry baseline, double spread, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spread);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(spread, 1.0);
        double Factor() => 1 + (spread * ((2 * random.NextDouble()) - 1));
        return baseline with
        {
            CapacityPerFloorArea = baseline.CapacityPerFloorArea * Factor(),
            WallU = baseline.WallU * Factor(),
            WindowU = baseline.WindowU * Factor(),
            VentilationAch = baseline.VentilationAch * Factor(),
            InfiltrationAch = baseline.InfiltrationAch * Factor(),
        };
    }
}
