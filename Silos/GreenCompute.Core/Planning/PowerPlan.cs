using System.Collections.Immutable;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Planning;

/// <summary>
/// A node's power over the horizon: the cheapest heat that keeps its room in the comfort band.
/// When the band cannot be held, <see cref="Feasible"/> is false and <see cref="Infeasibility"/> says why;
/// the slots then hold the best effort (full power where the room is short of heat).
/// </summary>
public sealed record PowerPlan(
    string NodeId,
    PlanningHorizon Horizon,
    ImmutableArray<PlannedSlot> Slots,
    bool Feasible,
    string? Infeasibility)
{
    public WattHours TotalEnergy
    {
        get
        {
            var total = WattHours.Zero;
            foreach (var slot in Slots)
            {
                total += slot.Power * Horizon.SlotLength;
            }

            return total;
        }
    }

    public Eur TotalCost
    {
        get
        {
            var total = Eur.Zero;
            foreach (var slot in Slots)
            {
                total += (slot.Power * Horizon.SlotLength) * slot.Price;
            }

            return total;
        }
    }
}
