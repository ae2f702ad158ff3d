namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Reads one node's plan into the round's cells: planned capacity, capacity above the plan, price, and the room
/// temperature the plan predicts (°C; where work above the plan is least felt).
/// </summary>
internal readonly struct NodeLoader(AssignmentRound round, int n)
{
    /// <summary>Fills the node's cells; false when it may take no new work now (offline or idle dwell).</summary>
    public bool Load(double[] free, double[] spare, double[] price, double[] warmth)
    {
        var clock = round.Clock;
        var node = round.Nodes[n];
        var snapshot = node.Snapshot;
        var cells = n * clock.Count;
        if (!snapshot.Online)
        {
            Array.Fill(price, double.PositiveInfinity, cells, clock.Count);
            return false;
        }

        var computing = !snapshot.Running.IsDefaultOrEmpty;
        var since = clock.Now - snapshot.StateChangedAt;
        node.RunDwell = computing && since < round.Options.MinRunDwell;
        node.IdleDwell = !computing && since < round.Options.MinIdleDwell;
        var plan = snapshot.Plan;
        var spec = snapshot.Spec;

        // Plans on the round's slot grid map by offset; others slot by slot.
        var aligned = plan.Horizon.SlotLength == clock.Horizon.SlotLength;
        var offset = plan.Horizon.SlotOf(clock.Horizon.SlotStart(clock.First));
        for (var i = 0; i < clock.Count; i++)
        {
            var j = aligned && offset >= 0 ? offset + i : plan.Horizon.SlotOf(clock.At(clock.Begin[i]));
            if (j < 0 || j >= plan.Slots.Length)
            {
                price[cells + i] = double.PositiveInfinity;
                continue;
            }

            var slot = plan.Slots[j];
            var capacity = spec.Cores * spec.UtilisationFor(slot.Power) * clock.Length[i];
            free[cells + i] = capacity;
            spare[cells + i] = Math.Max(0, spec.Cores * clock.Length[i] - capacity);
            price[cells + i] = double.IsNaN(slot.Price.Value) ? double.PositiveInfinity : slot.Price.Value;
            warmth[cells + i] = double.IsFinite(slot.PredictedTemperature.Value) ? slot.PredictedTemperature.Value : 0;
            if (i == 0)
            {
                node.PlannedPower = slot.Power;
                node.SlotReason = slot.Reason;
                node.PlannedNow = capacity;
            }
        }

        return !node.IdleDwell;
    }
}
