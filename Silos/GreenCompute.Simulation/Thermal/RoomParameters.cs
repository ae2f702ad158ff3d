using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Thermal;

/// <summary>
/// The conductances and capacity of an ISO 13790 5R1C room: air, surface and mass nodes, one capacitance C_m.
/// Air ↔ outside through ventilation H_ve; surface ↔ outside through windows H_tr,w; mass ↔ outside through
/// the opaque envelope H_tr,em; surface ↔ air H_tr,is; mass ↔ surface H_tr,ms.
/// </summary>
public sealed record RoomParameters(
    WattHoursPerKelvin HeatCapacity,
    WattsPerKelvin Ventilation,
    WattsPerKelvin Windows,
    WattsPerKelvin OpaqueEnvelope,
    WattsPerKelvin SurfaceToAir,
    WattsPerKelvin MassToSurface,
    double MassAreaFraction,
    double SolarAperture)
{
    /// <summary>Volumetric heat capacity of air, J/(m³K).</summary>
    private const double AirHeatCapacity = 1200.0;

    /// <summary>The steady-state heat-loss coefficient UA from the room air to outside (W/K).</summary>
    public WattsPerKelvin HeatLossCoefficient
    {
        get
        {
            var massPath = Series(MassToSurface.Value, OpaqueEnvelope.Value);
            var surfaceToOutside = Windows.Value + massPath;
            return new WattsPerKelvin(Ventilation.Value + Series(SurfaceToAir.Value, surfaceToOutside));
        }
    }

    /// <summary>τ = C_m / UA: how long the room takes to lose 63 % of a temperature step.</summary>
    public TimeSpan TimeConstant => TimeSpan.FromHours(HeatCapacity.Value / HeatLossCoefficient.Value);

    /// <summary>ISO 13790 conductances of a room of the given geometry.</summary>
    public static RoomParameters FromGeometry(RoomGeometry g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var totalAch = g.VentilationAch + g.InfiltrationAch;
        // b_ek: the fraction of ventilation loss left after heat recovery on the mechanical share.
        var recovered = totalAch > 0 ? 1 - (g.VentilationAch / totalAch * g.HeatRecovery) : 1;
        var massArea = 2.5 * g.FloorArea; // medium weight: A_m = 2.5 A_f
        var parameters = new RoomParameters(
            HeatCapacity: new WattHoursPerKelvin(g.CapacityPerFloorArea * g.FloorArea / 3600.0),
            Ventilation: new WattsPerKelvin(AirHeatCapacity * recovered * g.Volume * totalAch / 3600.0),
            Windows: new WattsPerKelvin(g.WindowU * g.WindowArea),
            OpaqueEnvelope: new WattsPerKelvin(g.WallU * (g.EnvelopeArea - g.WindowArea)),
            SurfaceToAir: new WattsPerKelvin(3.45 * g.InnerSurfaceArea),
            MassToSurface: new WattsPerKelvin(9.1 * massArea),
            MassAreaFraction: Math.Min(1, massArea / g.InnerSurfaceArea),
            SolarAperture: g.SolarAperture);
        parameters.Validate();
        return parameters;
    }

    /// <summary>Throws when a value would make the model singular or unphysical.</summary>
    public void Validate()
    {
        double[] positive =
        [
            HeatCapacity.Value, Ventilation.Value, Windows.Value, OpaqueEnvelope.Value, SurfaceToAir.Value, MassToSurface.Value,
        ];
        if (positive.Any(v => !(v > 0) || !double.IsFinite(v)))
        {
            throw new ArgumentException($"Room capacity and conductances must be positive and finite: {this}.");
        }

        if (MassAreaFraction is < 0 or > 1 || SolarAperture < 0)
        {
            throw new ArgumentException($"Mass area fraction must be in 0..1 and solar aperture ≥ 0: {this}.");
        }
    }

    private static double Series(double a, double b) => a * b / (a + b);
}
