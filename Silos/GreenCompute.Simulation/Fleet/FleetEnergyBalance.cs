using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Fleet;

/// <summary>
/// Energy accounts of the whole fleet since the start. Electricity in equals heater heat into the rooms, and
/// heat in (heater + internal + solar) equals losses to outside plus heat stored in the masses (C_m ΔT_m).
/// </summary>
public sealed record FleetEnergyBalance(
    WattHours Electricity,
    WattHours HeaterHeat,
    WattHours InternalGains,
    WattHours SolarGains,
    WattHours Losses,
    WattHours StoredChange)
{
    /// <summary>Heat in minus losses minus storage: zero up to rounding when the model conserves energy.</summary>
    public WattHours Residual => HeaterHeat + InternalGains + SolarGains - Losses - StoredChange;
}
