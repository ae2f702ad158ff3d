using System.Collections.Immutable;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Forecast;

/// <summary>
/// Forecasts heat demand: walks the room through the horizon with just enough power per slot to end the slot at
/// the band minimum plus margin (the same boundary rule the planner uses), never cooling. A room that starts warm
/// coasts down first; one that starts cold counts the recovery heat. No heater limit applies: this is what the
/// room asks for, not what a heater can give.
/// </summary>
public static class HeatDemandForecast
{
    /// <summary>The demand per slot; a null room temperature starts at the first boundary's target (steady-state demand).</summary>
    public static HeatDemand Forecast(
        RoomThermalModel model,
        PlanningHorizon horizon,
        ReadOnlySpan<ComfortBand> bands,
        ReadOnlySpan<Celsius> outdoor,
        Celsius? roomTemperature = null,
        Kelvin? comfortMargin = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(horizon);
        var count = horizon.SlotCount;
        if (bands.Length != count || outdoor.Length != count)
        {
            throw new ArgumentException($"Expected one band and one outdoor temperature per slot ({count}).", nameof(bands));
        }

        var lower = new double[count + 1];
        var upper = new double[count + 1];
        SlotBounds.Compute(bands, (comfortMargin ?? PowerPlanner.DefaultComfortMargin).Value, lower, upper);

        var perSlot = new Watts[count];
        var room = roomTemperature ?? (count > 0 ? new Celsius(lower[1]) : default);
        for (var k = 0; k < count; k++)
        {
            var power = Watts.Max(Watts.Zero, model.PowerToReach(room, new Celsius(lower[k + 1]), outdoor[k], horizon.SlotLength));
            perSlot[k] = power;
            room = model.Step(room, outdoor[k], power, horizon.SlotLength);
        }

        return new HeatDemand(horizon, ImmutableArray.Create(perSlot));
    }

    /// <summary>Convenience overload: bands from <paramref name="schedule"/>.</summary>
    public static HeatDemand Forecast(
        RoomThermalModel model,
        PlanningHorizon horizon,
        ComfortSchedule schedule,
        ReadOnlySpan<Celsius> outdoor,
        Celsius? roomTemperature = null,
        Kelvin? comfortMargin = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(horizon);
        var bands = new ComfortBand[horizon.SlotCount];
        schedule.BandsFor(horizon, bands);
        return Forecast(model, horizon, bands, outdoor, roomTemperature, comfortMargin);
    }
}
