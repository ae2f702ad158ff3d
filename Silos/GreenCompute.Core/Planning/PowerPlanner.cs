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
    /// <param name="sensorOffsetKelvinPerWatt">
    /// How much the room sensor reads above the heat store per watt of heat (see <see cref="Thermal.SensorOffsetEstimator"/>);
    /// <paramref name="roomTemperature"/> is then the store's temperature, and each slot's power is limited so that the
    /// sensor stays below the band maximum while heating, as long as that keeps the band minimum feasible.
    /// </param>
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
        Kelvin? comfortMargin = null,
        double sensorOffsetKelvinPerWatt = 0)
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

        Span<double> sensorLimit = count <= StackLimit ? stackalloc double[n1] : new double[n1];
        ceiling.CopyTo(sensorLimit);
        if (sensorOffsetKelvinPerWatt > 0)
        {
            // Holding the band minimum needs about UA × (min − outdoor) W, which lifts the sensor by k times that:
            // lower the store's ceiling by it up front, so that few slots need the per-slot limits below.
            for (var j = 1; j <= count; j++)
            {
                var holding = Math.Clamp(model.HeatLoss.Value * (wanted[j] - outdoor[Math.Min(j, count - 1)].Value), 0, limit);
                var room = ceiling[j] - wanted[j];
                ceiling[j] -= Math.Min(sensorOffsetKelvinPerWatt * holding, Math.Max(0, room - 0.1));
            }

            ceiling.CopyTo(upper);
        }

        PlanSolver.Solve(decay, gain, drift, roomTemperature.Value, lower, upper, maxPower[..count], price, power[..count], temperature);
        if (sensorOffsetKelvinPerWatt > 0)
        {
            HoldSensorBelowBand(sensorOffsetKelvinPerWatt, decay, gain, drift, roomTemperature.Value, wanted, ceiling, sensorLimit, lower, upper, maxPower[..count], price, power[..count], temperature);
        }

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
        Kelvin? comfortMargin = null,
        double sensorOffsetKelvinPerWatt = 0)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(horizon);
        var bands = horizon.SlotCount <= StackLimit ? stackalloc ComfortBand[horizon.SlotCount] : new ComfortBand[horizon.SlotCount];
        schedule.BandsFor(horizon, bands);
        return Plan(nodeId, horizon, model, roomTemperature, bands, outdoor, prices, heater, powerCap, comfortMargin, sensorOffsetKelvinPerWatt);
    }

    /// <summary>
    /// While heating at P the sensor reads the store plus k·P, so slot j also needs T[j+1] + k·P[j] ≤ upper[j+1], i.e.
    /// P[j] ≤ (upper[j+1] − decay·T[j] − drift[j]) / (gain + k). A few passes tighten each slot's power limit and
    /// re-solve; if the tightened limits would break the band minimum, the last plan that held it is kept (warmth first).
    /// </summary>
    private static void HoldSensorBelowBand(
        double k,
        double decay,
        double gain,
        ReadOnlySpan<double> drift,
        double start,
        ReadOnlySpan<double> wanted,
        ReadOnlySpan<double> ceiling,
        ReadOnlySpan<double> sensorLimit,
        Span<double> lower,
        Span<double> upper,
        Span<double> maxPower,
        ReadOnlySpan<double> price,
        Span<double> power,
        Span<double> temperature)
    {
        const int Passes = 8;
        const double Tolerance = 1e-6;
        var count = drift.Length;
        if (!HoldsMinimum(wanted, temperature))
        {
            // The band minimum is already out of reach: warmth first, no further limits.
            return;
        }

        Span<double> keptPower = count <= StackLimit ? stackalloc double[count] : new double[count];
        Span<double> keptTemperature = count <= StackLimit ? stackalloc double[count + 1] : new double[count + 1];
        for (var pass = 0; pass < Passes; pass++)
        {
            var tightened = false;
            for (var j = 0; j < count; j++)
            {
                if (!double.IsFinite(sensorLimit[j + 1]) || temperature[j + 1] + (k * power[j]) <= sensorLimit[j + 1] + Tolerance)
                {
                    continue;
                }

                maxPower[j] = Math.Clamp((sensorLimit[j + 1] - (decay * temperature[j]) - drift[j]) / (gain + k), 0, maxPower[j]);
                tightened = true;
            }

            if (!tightened)
            {
                return;
            }

            power.CopyTo(keptPower);
            temperature.CopyTo(keptTemperature);
            wanted.CopyTo(lower);
            ceiling.CopyTo(upper);
            PlanSolver.Solve(decay, gain, drift, start, lower, upper, maxPower, price, power, temperature);
            if (!HoldsMinimum(wanted, temperature))
            {
                keptPower.CopyTo(power);
                keptTemperature.CopyTo(temperature);
                wanted.CopyTo(lower);
                return;
            }
        }
    }

    private static bool HoldsMinimum(ReadOnlySpan<double> wanted, ReadOnlySpan<double> temperature)
    {
        for (var j = 1; j < wanted.Length; j++)
        {
            if (temperature[j] < wanted[j] - 1e-6)
            {
                return false;
            }
        }

        return true;
    }

    private static void RequireLength(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Expected one value per slot ({expected}), got {actual}.", name);
        }
    }
}
