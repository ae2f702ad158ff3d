namespace GreenCompute.Simulation.Thermal;

/// <summary>
/// A room described the way ISO 13790 asks for it. The defaults are the medium-weight office room of
/// notes/scheduling.md §3.4: 5 m × 7 m × 3 m, 4 m² of window in 15 m² of exterior envelope, U 0.2 / 1.1 W/(m²K),
/// 1.5 ACH ventilation with 60 % heat recovery plus 0.5 ACH infiltration, 165 kJ/(m²K).
/// </summary>
/// <param name="Width">m.</param>
/// <param name="Depth">m.</param>
/// <param name="Height">m.</param>
/// <param name="WindowArea">m² of glazing in the exterior envelope.</param>
/// <param name="EnvelopeArea">m² of exterior envelope, windows included; the rest is shared with heated rooms.</param>
/// <param name="WallU">W/(m²K) of the opaque exterior envelope.</param>
/// <param name="WindowU">W/(m²K) of the glazing.</param>
/// <param name="VentilationAch">Air changes per hour through the ventilation system (heat-recovered).</param>
/// <param name="InfiltrationAch">Air changes per hour through leaks (not heat-recovered).</param>
/// <param name="HeatRecovery">Efficiency of the ventilation heat recovery, 0..1.</param>
/// <param name="CapacityPerFloorArea">J/(m²K): ISO 13790 Table 12, 80 000 (very light) … 370 000 (very heavy).</param>
/// <param name="SolarAperture">m² of equivalent horizontal area: solar gain = GHI × aperture (window × g-value × geometry).</param>
public sealed record RoomGeometry(
    double Width = 5,
    double Depth = 7,
    double Height = 3,
    double WindowArea = 4,
    double EnvelopeArea = 15,
    double WallU = 0.2,
    double WindowU = 1.1,
    double VentilationAch = 1.5,
    double InfiltrationAch = 0.5,
    double HeatRecovery = 0.6,
    double CapacityPerFloorArea = 165_000,
    double SolarAperture = 0.8)
{
    /// <summary>The default office room (UA ≈ 45 W/K, C_m ≈ 1.60 kWh/K, τ ≈ 36 h).</summary>
    public static RoomGeometry DefaultOffice { get; } = new();

    public double FloorArea => Width * Depth;

    public double Volume => FloorArea * Height;

    /// <summary>Area of every surface facing the room air (floor, ceiling, walls): ISO 13790's A_t.</summary>
    public double InnerSurfaceArea => (2 * FloorArea) + (2 * (Width + Depth) * Height);
}
