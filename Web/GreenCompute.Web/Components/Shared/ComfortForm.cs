using System.Collections.Immutable;
using System.Globalization;
using GreenCompute.Core.Comfort;
using GreenCompute.Grains.Nodes;

namespace GreenCompute.Web.Components.Shared;

/// <summary>
/// The comfort schedule editor's form: text fields (so that every bad value gets its own message), to and from
/// <see cref="ComfortScheduleDefinition"/>, whose own validation (<see cref="ComfortScheduleDefinition.ToSchedule"/>)
/// has the last word.
/// </summary>
internal sealed class ComfortForm
{
    public static readonly IReadOnlyList<ComfortDays> DayChoices =
        [ComfortDays.EveryDay, ComfortDays.Weekdays, ComfortDays.Weekend, ComfortDays.Monday, ComfortDays.Tuesday, ComfortDays.Wednesday,
         ComfortDays.Thursday, ComfortDays.Friday, ComfortDays.Saturday, ComfortDays.Sunday];

    public string? SetbackMin { get; set; }
    public string? SetbackMax { get; set; }
    public List<RuleRow> Rules { get; set; } = [];

    public static ComfortForm From(ComfortScheduleDefinition d) => new()
    {
        SetbackMin = d.SetbackMinCelsius.ToString(CultureInfo.InvariantCulture),
        SetbackMax = d.SetbackMaxCelsius.ToString(CultureInfo.InvariantCulture),
        Rules = [.. (d.Rules.IsDefault ? [] : d.Rules).Select(r => new RuleRow
        {
            Days = r.Days.ToString(),
            From = r.From.ToString("HH:mm", CultureInfo.InvariantCulture),
            Until = r.Until.ToString("HH:mm", CultureInfo.InvariantCulture),
            Min = r.MinCelsius.ToString(CultureInfo.InvariantCulture),
            Max = r.MaxCelsius.ToString(CultureInfo.InvariantCulture),
        })],
    };

    /// <summary>The schedule, or null with a message per field (keys like "SetbackMin", "Rules[1].Max", "Schedule").</summary>
    public ComfortScheduleDefinition? ToDefinition(int utcOffsetMinutes, Dictionary<string, string> errors)
    {
        var setbackMin = Temperature(SetbackMin, "SetbackMin", errors);
        var setbackMax = Temperature(SetbackMax, "SetbackMax", errors);
        var rules = ImmutableArray.CreateBuilder<ComfortRuleDefinition>();
        for (var i = 0; i < Rules.Count; i++)
        {
            var row = Rules[i];
            if (row.Remove || (string.IsNullOrWhiteSpace(row.Min) && string.IsNullOrWhiteSpace(row.Max) && string.IsNullOrWhiteSpace(row.From)))
            {
                continue;
            }

            var key = $"Rules[{i}]";
            ComfortDays? days = Enum.TryParse<ComfortDays>(row.Days, out var d) && DayChoices.Contains(d) ? d : null;
            if (days is null)
            {
                errors[$"{key}.Days"] = "Choose the days.";
            }

            var from = Time(row.From, $"{key}.From", errors);
            var until = Time(row.Until, $"{key}.Until", errors);
            var min = Temperature(row.Min, $"{key}.Min", errors);
            var max = Temperature(row.Max, $"{key}.Max", errors);
            if (days is { } dd && from is { } f && until is { } u && min is { } lo && max is { } hi)
            {
                rules.Add(new ComfortRuleDefinition(dd, f, u, lo, hi));
            }
        }

        if (errors.Count > 0 || setbackMin is null || setbackMax is null)
        {
            return null;
        }

        var definition = new ComfortScheduleDefinition(setbackMin.Value, setbackMax.Value, rules.ToImmutable(), utcOffsetMinutes);
        try
        {
            definition.ToSchedule();
            return definition;
        }
        catch (ArgumentException e)
        {
            errors["Schedule"] = e.Message;
            return null;
        }
    }

    private static double? Temperature(string? text, string key, Dictionary<string, string> errors)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value is >= 5 and <= 35)
        {
            return value;
        }

        errors[key] = "Give a temperature between 5 and 35 °C (e.g. 20.5).";
        return null;
    }

    private static TimeOnly? Time(string? text, string key, Dictionary<string, string> errors)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors[key] = "Give a time as HH:mm (e.g. 07:30).";
        return null;
    }

    internal sealed class RuleRow
    {
        public string? Days { get; set; }
        public string? From { get; set; }
        public string? Until { get; set; }
        public string? Min { get; set; }
        public string? Max { get; set; }
        public bool Remove { get; set; }
    }
}
