namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Where the fleet's planned heat is at the start of a round, before any task took from it: enough to say why a
/// task waits (no heat, heat taken by others, or heat held back by the idle dwell).
/// </summary>
/// <param name="FirstSlot">The first slot in which some online node has planned capacity; the slot count when none has.</param>
/// <param name="Now">Some online node has planned capacity in the current slot.</param>
/// <param name="HeldNow">Some of that capacity is on nodes that may take no new work now (idle dwell).</param>
internal readonly record struct PlannedHeat(int FirstSlot, bool Now, bool HeldNow)
{
    public static PlannedHeat Of(int nodes, int slots, double[] free, double[] capacity, bool[] closedNow)
    {
        var first = slots;
        var held = false;
        for (var node = 0; node < nodes; node++)
        {
            var cells = node * slots;
            held |= closedNow[node] && free[cells] > PlannedCapacity.Eps;
            for (var slot = 0; slot < first; slot++)
            {
                if (capacity[cells + slot] > PlannedCapacity.Eps)
                {
                    first = slot;
                    break;
                }
            }
        }

        return new PlannedHeat(first, first == 0, held);
    }
}
