using GreenCompute.Core.Units;

namespace GreenCompute.Core.Comfort;

/// <summary>
/// Builds a <see cref="ComfortSchedule"/> from simple rules, e.g.
/// <c>new ComfortScheduleBuilder(TimeSpan.FromHours(1)).Setback(17, 22).Occupied(ComfortDays.Weekdays, new(7, 0), new(22, 0), 20, 22).Build()</c>.
/// </summary>
public sealed class ComfortScheduleBuilder(TimeSpan utcOffset)
{
    private readonly List<ComfortRule> _rules = [];
    private Celsius _setbackMin = ComfortSchedule.DefaultSetback.Min;
    private Celsius _setbackMax = ComfortSchedule.DefaultSetback.Max;

    /// <summary>The band outside every rule (default 17–22 °C).</summary>
    public ComfortScheduleBuilder Setback(double minCelsius, double maxCelsius)
    {
        _setbackMin = new Celsius(minCelsius);
        _setbackMax = new Celsius(maxCelsius);
        return this;
    }

    public ComfortScheduleBuilder Occupied(ComfortDays days, TimeOnly from, TimeOnly until, double minCelsius, double maxCelsius)
    {
        _rules.Add(new ComfortRule(days, from, until, new Celsius(minCelsius), new Celsius(maxCelsius)));
        return this;
    }

    public ComfortScheduleBuilder Occupied(ComfortDays days, TimeOnly from, TimeOnly until, ComfortBand band) =>
        Occupied(days, from, until, band.Min.Value, band.Max.Value);

    /// <summary>The schedule; throws <see cref="ArgumentException"/> with every problem in one message when invalid.</summary>
    public ComfortSchedule Build()
    {
        if (!(_setbackMin < _setbackMax))
        {
            throw new ArgumentException(
                $"Comfort schedule is invalid: the setback band {_setbackMin}–{_setbackMax} is inverted or empty: set its Min below its Max.");
        }

        var schedule = new ComfortSchedule(new ComfortBand(_setbackMin, _setbackMax), _rules, utcOffset);
        return schedule.Validate() is { } problem ? throw new ArgumentException(problem) : schedule;
    }
}
