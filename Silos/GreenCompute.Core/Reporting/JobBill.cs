using GreenCompute.Core.Ledger;
using GreenCompute.Core.Model;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Reporting;

/// <summary>
/// What a job costs its customer and what its electricity became: the work is billed at the tariff's
/// <see cref="HostTariff.WorkPricePerCoreHour"/>; its energy is the heaters' power above idle, shared per core
/// (<c>(P_max − P_idle) / cores</c> per busy core), and all of it was released as room heat in heated buildings.
/// </summary>
public sealed record JobBill(CoreSeconds Work, WattHours Energy, WattHours HeatReleased, Eur Price)
{
    public static JobBill For(CoreSeconds work, HeaterSpec heater, HostTariff tariff)
    {
        ArgumentNullException.ThrowIfNull(heater);
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentOutOfRangeException.ThrowIfNegative(work.Value);
        var wattsPerCore = (heater.MaxPower - heater.IdlePower).Value / Math.Max(1, heater.Cores);
        var energy = new WattHours(wattsPerCore * work.Value / 3600);
        return new JobBill(work, energy, energy, tariff.WorkPricePerCoreHour * work.CoreHours);
    }
}
