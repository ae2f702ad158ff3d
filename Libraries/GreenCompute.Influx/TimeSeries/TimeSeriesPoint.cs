namespace GreenCompute.Influx.TimeSeries;

/// <summary>One value of a series; for bucketed queries <see cref="Time"/> is the start of the bucket.</summary>
public readonly record struct TimeSeriesPoint(DateTimeOffset Time, double Value);
