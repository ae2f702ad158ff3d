using System.Collections.Immutable;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Forecast;

/// <summary>
/// A room's heat demand over a horizon: per slot, the average power that holds the room at its band minimum
/// (plus margin); zero where the room stays in band unheated.
/// </summary>
public sealed record HeatDemand(PlanningHorizon Horizon, ImmutableArray<Watts> PerSlot)
{
    public WattHours Total
    {
        get
        {
            var total = WattHours.Zero;
            foreach (var power in PerSlot)
            {
                total += power * Horizon.SlotLength;
            }

            return total;
        }
    }

    public Watts Peak
    {
        get
        {
            var peak = Watts.Zero;
            foreach (var power in PerSlot)
            {
                peak = Watts.Max(peak, power);
            }

            return peak;
        }
    }
}
