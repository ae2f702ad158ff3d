using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;

namespace GreenCompute.SchedulingBench.Metrics;

/// <summary>
/// Accumulates the per-step measurements of a run. For each node and step the runner passes the air temperature at
/// the step's start and end, the electricity and the task work of the step, and the price; the band is taken at the
/// step's start (useful heat: the room was below its maximum when the heat went in) and at its end (comfort, as the
/// silo's runner measures it). Pure arithmetic, unit-tested on hand-computed steps.
/// </summary>
internal sealed class MetricsRecorder(ComfortSchedule comfort)
{
    private double _tooCold;
    private double _tooHot;
    private double _squares;
    private double _occupiedHours;
    private double _energy;
    private double _useful;
    private double _unpaid;
    private double _cost;
    private double _coreSeconds;

    /// <param name="stepStart">When the step began.</param>
    /// <param name="dt">The step's length.</param>
    /// <param name="heater">The node's heater (for the paid share of its power).</param>
    /// <param name="startTemperature">Air temperature at the step's start, °C.</param>
    /// <param name="endTemperature">Air temperature at the step's end, °C.</param>
    /// <param name="energyWh">Electricity drawn in the step (all of it becomes heat).</param>
    /// <param name="workCoreSeconds">Task work done in the step.</param>
    /// <param name="priceEurPerMwh">The price paid for the step.</param>
    public void Record(
        DateTimeOffset stepStart,
        TimeSpan dt,
        HeaterSpec heater,
        double startTemperature,
        double endTemperature,
        double energyWh,
        double workCoreSeconds,
        double priceEurPerMwh)
    {
        ArgumentNullException.ThrowIfNull(heater);
        var hours = dt.TotalHours;
        var before = comfort.BandAt(stepStart);
        var after = comfort.BandAt(stepStart + dt);

        _energy += energyWh;
        _cost += energyWh / 1e6 * priceEurPerMwh;
        _coreSeconds += workCoreSeconds;
        if (startTemperature < before.Max.Value)
        {
            _useful += energyWh;
        }

        // Tasks draw (P_max − P_idle)/n_c per busy core, plus the idle power while any runs; the rest is unpaid heat.
        var perCore = (heater.MaxPower.Value - heater.IdlePower.Value) / heater.Cores;
        var paid = workCoreSeconds > 0 ? (perCore * workCoreSeconds / 3600) + (heater.IdlePower.Value * hours) : 0;
        _unpaid += Math.Max(0, energyWh - paid);

        if (endTemperature < after.Min.Value)
        {
            _tooCold += (after.Min.Value - endTemperature) * hours;
        }
        else if (endTemperature > after.Max.Value)
        {
            _tooHot += (endTemperature - after.Max.Value) * hours;
        }

        if (after != comfort.Setback)
        {
            var deviation = endTemperature - ComfortMath.Setpoint(after);
            _squares += deviation * deviation * hours;
            _occupiedHours += hours;
        }
    }

    public SchedulerMetrics Metrics(string scheduler) => new()
    {
        Scheduler = scheduler,
        ComfortViolation = _tooCold + _tooHot,
        TooCold = _tooCold,
        TooHot = _tooHot,
        RmsDeviation = _occupiedHours > 0 ? Math.Sqrt(_squares / _occupiedHours) : 0,
        EnergyKwh = _energy / 1000,
        UsefulKwh = _useful / 1000,
        UnpaidKwh = _unpaid / 1000,
        CostEur = _cost,
        CoreHours = _coreSeconds / 3600,
    };
}
