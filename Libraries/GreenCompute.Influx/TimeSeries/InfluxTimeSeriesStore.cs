using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Querying;
using GreenCompute.Influx.Writing;

namespace GreenCompute.Influx.TimeSeries;

/// <summary>
/// <see cref="ITimeSeriesStore"/> over influxd: writes go through the batching <see cref="InfluxWriter"/> (so they are
/// queryable only once delivered — after the flush interval, or <see cref="InfluxWriter.FlushAsync"/>), queries are
/// generated InfluxQL run by the <see cref="InfluxQueryClient"/>. The caller owns both and disposes the writer.
/// </summary>
public sealed class InfluxTimeSeriesStore(InfluxWriter writer, InfluxQueryClient queries, string? retentionPolicy = null) : ITimeSeriesStore
{
    public Task<bool> WriteAsync(IReadOnlyCollection<PointData> points, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(points, cancellationToken);

    public Task<bool> WriteLinesAsync(string lineProtocol, WritePrecision precision = WritePrecision.Nanoseconds, CancellationToken cancellationToken = default) =>
        writer.WriteLinesAsync(lineProtocol, precision, cancellationToken);

    public async Task<IReadOnlyList<TimeSeriesGroup>> QueryAsync(TimeSeriesQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = await queries.QueryAsync(TimeSeriesInfluxQl.Build(query, retentionPolicy), cancellationToken).ConfigureAwait(false);
        var series = new List<TimeSeriesGroup>();
        foreach (var found in result.AllSeries)
        {
            var points = found.Rows
                .Where(row => row.Time is not null && row[1].IsNumber)
                .Select(row => new TimeSeriesPoint(row.Time!.Value, row[1].AsDouble()))
                .ToList();
            if (points.Count > 0)
            {
                series.Add(new TimeSeriesGroup(query.GroupByTag is null ? null : found.Tags.GetValueOrDefault(query.GroupByTag, ""), points));
            }
        }

        series.Sort((left, right) => string.CompareOrdinal(left.GroupTagValue, right.GroupTagValue));
        return series;
    }
}
