using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Planning;

/// <summary>
/// Plans one heater's power over a horizon: the cheapest power per slot that keeps the predicted room temperature
/// at or above each band's minimum (plus a comfort margin) and at or below its maximum, at every slot boundary.
/// The room (1R1C) is the store: the plan pre-heats in cheap slots before a price peak and coasts through it.
/// Power may be any value in [0, min(MaxPower, cap)]; 0 is off. When the band cannot be held the plan is marked
/// infeasible, says where and by how much, and runs the heater flat out where the room is short of heat.
/// Pure and allocation-light: about O(N²) arithmetic for N slots (see <c>PlanSolver</c> for the algorithm and why it is optimal).
/// </summary>
public static class PowerPlanner
{
    /// <summary>Kept above each band's minimum so that model error and sensor noise do not dip the room below it.</summary>
    public static readonly Kelvin DefaultComfortMargin = new(0.2);

    private const int StackLimit = 256;

    /// <param name="nodeId">The heater's node id (copied into the plan).</param>
    /// <param name="horizon">The slots to plan.</param>
    /// <param name="model">The room's thermal model.</param>
    /// <param name="roomTemperature">The room temperature now, at the horizon's start.</param>
    /// <param name="bands">The comfort band per slot (e.g. from <see cref="ComfortSchedule.BandsFor(PlanningHorizon, Span{ComfortBand})"/>).</param>
    /// <param name="outdoor">The outdoor temperature forecast per slot.</param>
    /// <param name="prices">The electricity price per slot.</param>
    /// <param name="heater">The heater; the plan never exceeds its <see cref="HeaterSpec.MaxPower"/>.</param>
    /// <param name="powerCap">An extra limit on power (e.g. the building's share of a grid limit); null for none.</param>
    /// <param name="comfortMargin">Kept above each band minimum; default <see cref="DefaultComfortMargin"/>, never more than half a band.</param>
    public static PowerPlan Plan(
        string nodeId,
        PlanningHorizon horizon,
        RoomThermalModel model,
        Celsius roomTemperature,
        ReadOnlySpan<ComfortBand> bands,
        ReadOnlySpan<Celsius> outdoor,
        ReadOnlySpan<EurPerMwh> prices,
        HeaterSpec heater,
        Watts? powerCap = null,
        Kelvin? comfortMargin = null)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(horizon);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(heater);
        var count = horizon.SlotCount;
        if (count <= 0 || horizon.SlotLength <= TimeSpan.Zero)
        {
            throw new ArgumentException("A planning horizon needs at least one slot of positive length.", nameof(horizon));
        }

        RequireLength(bands.Length, count, nameof(bands));
        RequireLength(outdoor.Length, count, nameof(outdoor));
        RequireLength(prices.Length, count, nameof(prices));
        if (!double.IsFinite(roomTemperature.Value))
        {
            throw new ArgumentException("The room temperature must be a finite number of °C.", nameof(roomTemperature));
        }

        var limit = Math.Max(0, heater.MaxPower.Value);
        var capped = powerCap is { } cap && cap.Value < limit;
        if (capped)
        {
            limit = Math.Max(0, powerCap!.Value.Value);
        }

        var decay = Math.Max(model.Decay(horizon.SlotLength), 1e-12);
        var gain = (1 - decay) / model.HeatLoss.Value;

        var n1 = count + 1;
        var buffer = count <= StackLimit ? stackalloc double[(7 * n1) + count] : new double[(7 * n1) + count];
        var drift = buffer[..count];
        var lower = buffer.Slice(count, n1);
        var upper = buffer.Slice(count + n1, n1);
        var wanted = buffer.Slice(count + (2 * n1), n1);
        var ceiling = buffer.Slice(count + (3 * n1), n1);
        var temperature = buffer.Slice(count + (4 * n1), n1);
        var power = buffer.Slice(count + (5 * n1), n1);
        var maxPower = buffer.Slice(count + (6 * n1), n1);
        Span<double> price = count <= StackLimit ? stackalloc double[count] : new double[count];

        for (var k = 0; k < count; k++)
        {
            if (!double.IsFinite(outdoor[k].Value) || !double.IsFinite(prices[k].Value))
            {
                throw new ArgumentException($"Slot {k} has a non-finite outdoor temperature or price.", nameof(outdoor));
            }

            drift[k] = (1 - decay) * outdoor[k].Value;
            price[k] = prices[k].Value;
            maxPower[k] = limit;
        }

        SlotBounds.Compute(bands, (comfortMargin ?? DefaultComfortMargin).Value, wanted, ceiling);
        wanted.CopyTo(lower);
        ceiling.CopyTo(upper);

        PlanSolver.Solve(decay, gain, drift, roomTemperature.Value, lower, upper, maxPower[..count], price, power[..count], temperature);

        var context = new PlanContext(horizon, limit, capped, bands, outdoor, prices, wanted, ceiling, lower, power[..count], temperature);
        var slots = context.Label();
        var infeasibility = context.Describe();
        return new PowerPlan(nodeId, horizon, slots, infeasibility is null, infeasibility);
    }

    /// <summary>Convenience overload: bands from <paramref name="schedule"/>.</summary>
    public static PowerPlan Plan(
        string nodeId,
        PlanningHorizon horizon,
        RoomThermalModel model,
        Celsius roomTemperature,
        ComfortSchedule schedule,
        ReadOnlySpan<Celsius> outdoor,
        ReadOnlySpan<EurPerMwh> prices,
        HeaterSpec heater,
        Watts? powerCap = null,
        Kelvin? comfortMargin = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(horizon);
        var bands = horizon.SlotCount <= StackLimit ? stackalloc ComfortBand[horizon.SlotCount] : new ComfortBand[horizon.SlotCount];
        schedule.BandsFor(horizon, bands);
        return Plan(nodeId, horizon, model, roomTemperature, bands, outdoor, prices, heater, powerCap, comfortMargin);
    }

    private static void RequireLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected one value per slot ({expected}), got {actual}.", name);
        }
    }
}
