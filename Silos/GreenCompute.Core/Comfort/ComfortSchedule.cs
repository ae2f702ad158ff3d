using System.Collections.Immutable;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Comfort;

/// <summary>
/// A room's comfort band over the week: rules per local weekday and time of day, and a setback band for
/// every time no rule covers (nights, by default). Local time is UTC plus a fixed <see cref="UtcOffset"/>,
/// so the schedule stays pure and deterministic; whoever owns the site swaps the offset at a DST change.
/// An invalid schedule can be constructed (so an edited draft can be checked), but asking it for a band throws
/// with the message from <see cref="Validate"/>; <see cref="ComfortScheduleBuilder.Build"/> refuses one outright.
/// </summary>
public sealed class ComfortSchedule
{
    /// <summary>Default occupied band: 20–22 °C (EN 16798-1 category II winter minimum, 2 K of heat store).</summary>
    public static readonly ComfortBand DefaultOccupied = new(new Celsius(20), new Celsius(22));

    /// <summary>
    /// Default setback band: 17–22 °C. The minimum drops 3 K at night; the maximum stays at the day's so that
    /// cheap night power can pre-heat the room for the morning.
    /// </summary>
    public static readonly ComfortBand DefaultSetback = new(new Celsius(17), new Celsius(22));

    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private readonly string? _problem;
    private readonly ComfortBand[] _ruleBands;

    public ComfortSchedule(ComfortBand setback, IEnumerable<ComfortRule> rules, TimeSpan utcOffset)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (utcOffset < TimeSpan.FromHours(-14) || utcOffset > TimeSpan.FromHours(14) || utcOffset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(utcOffset), utcOffset, "A UTC offset is whole minutes between −14:00 and +14:00 (e.g. +01:00 for CET).");
        }

        Setback = setback;
        Rules = [.. rules];
        if (Rules.Any(r => r is null))
        {
            throw new ArgumentException("A comfort schedule cannot hold a null rule.", nameof(rules));
        }

        UtcOffset = utcOffset;
        _problem = FindProblems();
        _ruleBands = _problem is null ? [.. Rules.Select(r => new ComfortBand(r.Min, r.Max))] : [];
    }

    /// <summary>The band wherever no rule applies.</summary>
    public ComfortBand Setback { get; }

    /// <summary>The rules, in the order given; rules must not overlap, so order does not change the result.</summary>
    public ImmutableArray<ComfortRule> Rules { get; }

    /// <summary>Local time = UTC + this offset.</summary>
    public TimeSpan UtcOffset { get; }

    public bool IsValid => _problem is null;

    /// <summary>
    /// Weekdays 07:00–22:00 and weekends 08:00–23:00 at <see cref="DefaultOccupied"/> (20–22 °C);
    /// <see cref="DefaultSetback"/> (17–22 °C) at every other time.
    /// </summary>
    public static ComfortSchedule Default(TimeSpan utcOffset) =>
        new ComfortScheduleBuilder(utcOffset)
            .Occupied(ComfortDays.Weekdays, new TimeOnly(7, 0), new TimeOnly(22, 0), DefaultOccupied)
            .Occupied(ComfortDays.Weekend, new TimeOnly(8, 0), new TimeOnly(23, 0), DefaultOccupied)
            .Build();

    /// <summary>Null when the schedule is usable; otherwise one message naming every problem and how to fix it.</summary>
    public string? Validate() => _problem;

    /// <summary>The band in force at <paramref name="time"/>.</summary>
    public ComfortBand BandAt(DateTimeOffset time)
    {
        ThrowIfInvalid();
        var local = time.ToOffset(UtcOffset);
        var day = DayFlag(local.DayOfWeek);
        var timeOfDay = local.TimeOfDay;
        for (var i = 0; i < _ruleBands.Length; i++)
        {
            var rule = Rules[i];
            if ((rule.Days & day) != 0 && timeOfDay >= rule.Start && timeOfDay < rule.End)
            {
                return _ruleBands[i];
            }
        }

        return Setback;
    }

    /// <summary>The band of every slot of <paramref name="horizon"/>, taken at each slot's start.</summary>
    public void BandsFor(PlanningHorizon horizon, Span<ComfortBand> destination)
    {
        ArgumentNullException.ThrowIfNull(horizon);
        if (destination.Length < horizon.SlotCount)
        {
            throw new ArgumentException($"Need room for {horizon.SlotCount} bands, got {destination.Length}.", nameof(destination));
        }

        for (var slot = 0; slot < horizon.SlotCount; slot++)
        {
            destination[slot] = BandAt(horizon.SlotStart(slot));
        }
    }

    /// <inheritdoc cref="BandsFor(PlanningHorizon, Span{ComfortBand})"/>
    public ImmutableArray<ComfortBand> BandsFor(PlanningHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(horizon);
        var bands = new ComfortBand[horizon.SlotCount];
        BandsFor(horizon, bands);
        return ImmutableArray.Create(bands);
    }

    private void ThrowIfInvalid()
    {
        if (_problem is not null)
        {
            throw new InvalidOperationException(_problem);
        }
    }

    private string? FindProblems()
    {
        var problems = new List<string>();
        if (!(Setback.Min < Setback.Max))
        {
            problems.Add("the setback band is empty: give it a Min below its Max (e.g. 17–22 °C)");
        }

        for (var i = 0; i < Rules.Length; i++)
        {
            var rule = Rules[i];
            var name = $"rule {i + 1} ({rule})";
            if (!(rule.Min < rule.Max))
            {
                problems.Add($"{name} has an inverted band (Min {rule.Min} is not below Max {rule.Max}): swap or correct the two values");
            }

            if (rule.Days == ComfortDays.None || (rule.Days & ~ComfortDays.EveryDay) != 0)
            {
                problems.Add($"{name} names no valid day: choose at least one weekday");
            }

            if (rule.End <= rule.Start)
            {
                problems.Add($"{name} ends before it starts: split a period past midnight into two rules (…–00:00 and 00:00–…)");
            }
        }

        for (var i = 0; i < Rules.Length; i++)
        {
            for (var j = i + 1; j < Rules.Length; j++)
            {
                var a = Rules[i];
                var b = Rules[j];
                var shared = a.Days & b.Days & ComfortDays.EveryDay;
                var from = a.Start > b.Start ? a.Start : b.Start;
                var until = a.End < b.End ? a.End : b.End;
                if (shared != ComfortDays.None && from < until)
                {
                    problems.Add(
                        $"rules {i + 1} ({a}) and {j + 1} ({b}) overlap on {shared} {Clock(from)}–{Clock(until)}: "
                        + "shorten one of them or give them different days");
                }
            }
        }

        return problems.Count == 0 ? null : "Comfort schedule is invalid: " + string.Join("; ", problems) + ".";
    }

    private static string Clock(TimeSpan timeOfDay) => timeOfDay >= OneDay ? "24:00" : $"{timeOfDay:hh\\:mm}";

    private static ComfortDays DayFlag(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => ComfortDays.Monday,
        DayOfWeek.Tuesday => ComfortDays.Tuesday,
        DayOfWeek.Wednesday => ComfortDays.Wednesday,
        DayOfWeek.Thursday => ComfortDays.Thursday,
        DayOfWeek.Friday => ComfortDays.Friday,
        DayOfWeek.Saturday => ComfortDays.Saturday,
        _ => ComfortDays.Sunday,
    };
}
