using System.Collections.Immutable;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Nodes;

/// <summary>A comfort schedule as plain data, for grain state and messages; <see cref="ToSchedule"/> validates it.</summary>
public sealed record ComfortScheduleDefinition(
    double SetbackMinCelsius,
    double SetbackMaxCelsius,
    ImmutableArray<ComfortRuleDefinition> Rules,
    int UtcOffsetMinutes)
{
    public static ComfortScheduleDefinition From(ComfortSchedule schedule) => new(
        schedule.Setback.Min.Value,
        schedule.Setback.Max.Value,
        [.. schedule.Rules.Select(r => new ComfortRuleDefinition(r.Days, r.From, r.Until, r.Min.Value, r.Max.Value))],
        (int)schedule.UtcOffset.TotalMinutes);

    /// <summary>The schedule; throws <see cref="ArgumentException"/> naming every problem when it is not usable.</summary>
    public ComfortSchedule ToSchedule()
    {
        if (!(SetbackMinCelsius < SetbackMaxCelsius))
        {
            throw new ArgumentException(
                $"The setback band {SetbackMinCelsius}–{SetbackMaxCelsius} °C is inverted or empty: give a minimum below the maximum.");
        }

        var schedule = new ComfortSchedule(
            new ComfortBand(new Celsius(SetbackMinCelsius), new Celsius(SetbackMaxCelsius)),
            (Rules.IsDefault ? [] : Rules).Select(r => new ComfortRule(r.Days, r.From, r.Until, new Celsius(r.MinCelsius), new Celsius(r.MaxCelsius))),
            TimeSpan.FromMinutes(UtcOffsetMinutes));
        return schedule.Validate() is { } problem ? throw new ArgumentException(problem) : schedule;
    }
}
