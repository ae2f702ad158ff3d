using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// The forecasts an online planner gets per slot: outdoor temperature at the slot's middle (the weather is taken as a
/// perfect forecast) and the price as known now (day-ahead gate, then persistence; see PriceForecast).
/// </summary>
internal static class Forecasts
{
    public static (Celsius[] Outdoor, EurPerMwh[] Prices) For(StepContext context, PlanningHorizon horizon)
    {
        var outdoor = new Celsius[horizon.SlotCount];
        var prices = new EurPerMwh[horizon.SlotCount];
        for (var k = 0; k < horizon.SlotCount; k++)
        {
            var start = horizon.SlotStart(k);
            outdoor[k] = context.Inputs.Weather.OutdoorAt(start + (horizon.SlotLength / 2));
            prices[k] = context.Inputs.Prices.Forecast(context.Now, start);
        }

        return (outdoor, prices);
    }
}
