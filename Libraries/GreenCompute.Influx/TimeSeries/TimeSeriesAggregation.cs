namespace GreenCompute.Influx.TimeSeries;

/// <summary>How the points of one time bucket become one value (InfluxQL <c>mean</c>, <c>min</c>, <c>max</c>, <c>sum</c>, <c>count</c>).</summary>
public enum TimeSeriesAggregation
{
    Mean,
    Min,
    Max,
    Sum,
    Count,
}
