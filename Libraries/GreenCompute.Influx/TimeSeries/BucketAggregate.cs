namespace GreenCompute.Influx.TimeSeries;

/// <summary>Count, sum, min and max of the points of a bucket: enough to answer every <see cref="TimeSeriesAggregation"/>, and composable across buckets.</summary>
internal readonly record struct BucketAggregate(long Count, double Sum, double Min, double Max)
{
    public double Value(TimeSeriesAggregation aggregation) => aggregation switch
    {
        TimeSeriesAggregation.Mean => Sum / Count,
        TimeSeriesAggregation.Min => Min,
        TimeSeriesAggregation.Max => Max,
        TimeSeriesAggregation.Sum => Sum,
        TimeSeriesAggregation.Count => Count,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation."),
    };
}
