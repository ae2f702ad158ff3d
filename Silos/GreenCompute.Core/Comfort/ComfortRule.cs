using GreenCompute.Core.Units;

namespace GreenCompute.Core.Comfort;

/// <summary>
/// "On these local days, from <see cref="From"/> until <see cref="Until"/>, hold Min..Max". <see cref="Until"/> is
/// exclusive; 00:00 means midnight at the end of the day. A rule never wraps past midnight: split a 22:00–06:00
/// period into 22:00–00:00 and 00:00–06:00. The bounds are kept raw so that an edited schedule can be
/// validated as a whole (<see cref="ComfortSchedule.Validate"/>) instead of failing on the first bad field.
/// </summary>
public sealed record ComfortRule(ComfortDays Days, TimeOnly From, TimeOnly Until, Celsius Min, Celsius Max)
{
    /// <summary>End of the rule's period as time since local midnight (24 h for an <see cref="Until"/> of 00:00).</summary>
    internal TimeSpan End => Until == TimeOnly.MinValue ? TimeSpan.FromDays(1) : Until.ToTimeSpan();

    internal TimeSpan Start => From.ToTimeSpan();

    public override string ToString() => $"{Days} {From:HH\\:mm}–{Until:HH\\:mm} {Min.Value:0.0}–{Max.Value:0.0} °C";
}
