using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Setup;

/// <summary>
/// The capacity that heat demand allows (notes §5.5.2), in mean busy cores over the window: per room and hour, the
/// steady heat that holds the air at the band minimum, UA·(T_min − T_out) − internal gains − solar gains, clamped to
/// the heater's range, becomes cores by the linear power model, n_c·(Q − P_idle)/(P_max − P_idle). Loads of 30/60/90 %
/// are fractions of this.
/// </summary>
internal static class HeatCapacity
{
    public static double BusyCores(
        IReadOnlyList<FleetNode> nodes, WeatherSeries weather, ComfortSchedule comfort, DateTimeOffset start, DateTimeOffset end, TimeSpan localOffset, bool solar = true)
    {
        var hours = (int)Math.Floor((end - start).TotalHours);
        if (hours < 1 || nodes.Count == 0)
        {
            return 0;
        }

        var total = 0.0;
        for (var h = 0; h < hours; h++)
        {
            var middle = start.AddHours(h + 0.5);
            var outdoor = weather.OutdoorAt(middle).Value;
            var ghi = solar ? weather.GhiAt(middle) : 0;
            var band = comfort.BandAt(middle);
            foreach (var node in nodes)
            {
                var demand = (node.Room.HeatLossCoefficient.Value * (band.Min.Value - outdoor))
                    - Occupancy.GainsAt(node.PeakInternalGains, localOffset, middle).Value
                    - (ghi * node.Room.SolarAperture);
                total += Cores(node.Heater, demand);
            }
        }

        return total / hours;
    }

    /// <summary>Busy cores that <paramref name="watts"/> of heat carries on <paramref name="heater"/>.</summary>
    public static double Cores(HeaterSpec heater, double watts)
    {
        var span = heater.MaxPower.Value - heater.IdlePower.Value;
        return span <= 0 ? 0 : heater.Cores * Math.Clamp((watts - heater.IdlePower.Value) / span, 0, 1);
    }
}
