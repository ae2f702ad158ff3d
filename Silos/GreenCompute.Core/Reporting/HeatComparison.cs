using GreenCompute.Core.Ledger;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Reporting;

/// <summary>
/// A room's heat from a heater-computer against the same useful heat from a plain electric heater, for the building
/// manager. A plain heater turns the same electricity into the same heat, at the same hourly prices, so it would have
/// cost <see cref="PlainHeaterCost"/> for the useful heat. The heater-computer's electricity is reimbursed to the host
/// by the <see cref="HostTariff.ElectricityShare"/>, which leaves <see cref="BuildingCost"/>. CO2 is attributed to the
/// computing that used the electricity, so the building's heat carries none of it and <see cref="Co2AvoidedKg"/> is what a
/// plain heater would have emitted for the useful heat at <see cref="GridKgPerKwh"/>.
/// </summary>
public sealed record HeatComparison(
    WattHours HeatDelivered,
    WattHours UsefulHeat,
    Eur ElectricityCost,
    Eur PlainHeaterCost,
    Eur BuildingCost,
    double GridKgPerKwh,
    double Co2AvoidedKg)
{
    /// <summary>Grid carbon intensity used when none is given: Germany 2017, about 0.49 kg CO2 per kWh (UBA).</summary>
    public const double DefaultGridKgPerKwh = 0.49;

    public Eur Saved => PlainHeaterCost - BuildingCost;

    public static HeatComparison Compare(WattHours heat, WattHours useful, Eur electricityCost, HostTariff tariff, double gridKgPerKwh = DefaultGridKgPerKwh)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentOutOfRangeException.ThrowIfNegative(heat.Value);
        ArgumentOutOfRangeException.ThrowIfNegative(useful.Value);
        ArgumentOutOfRangeException.ThrowIfNegative(gridKgPerKwh);
        var usefulShare = heat.Value > 0 ? Math.Clamp(useful.Value / heat.Value, 0, 1) : 0;
        var plain = electricityCost * usefulShare;
        var building = electricityCost * Math.Max(0, 1 - tariff.ElectricityShare);
        return new HeatComparison(heat, useful, electricityCost, plain, building, gridKgPerKwh, useful.Value / 1000 * gridKgPerKwh);
    }
}
