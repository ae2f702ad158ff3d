namespace GreenCompute.Influx.TimeSeries;

/// <summary>
/// The answer for one group: <paramref name="GroupTagValue"/> is the value of <see cref="TimeSeriesQuery.GroupByTag"/>
/// (empty for points without that tag, as InfluxDB does), or null when the query was not grouped.
/// </summary>
public sealed record TimeSeriesGroup(string? GroupTagValue, IReadOnlyList<TimeSeriesPoint> Points);
