using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.TimeSeries;

/// <summary>
/// What the silo needs from a time-series store: write points, read one numeric field as series over a window at a
/// resolution. Implemented by <see cref="Embedded.EmbeddedInfluxStore"/> (SQLite, no server) and
/// <see cref="InfluxTimeSeriesStore"/> (influxd); both give the same answers for the same points.
/// </summary>
public interface ITimeSeriesStore
{
    /// <summary>
    /// Stores <paramref name="points"/>; points without a timestamp get the store's current time. Returns false when
    /// the store refused them all because its buffer is full (only the influxd adapter has one).
    /// </summary>
    Task<bool> WriteAsync(IReadOnlyCollection<PointData> points, CancellationToken cancellationToken = default);

    /// <summary>Stores line protocol whose timestamps are in <paramref name="precision"/>; a malformed line refuses the whole call.</summary>
    /// <exception cref="LineProtocolException">A line is malformed.</exception>
    Task<bool> WriteLinesAsync(string lineProtocol, WritePrecision precision = WritePrecision.Nanoseconds, CancellationToken cancellationToken = default);

    /// <summary>
    /// One series per value of <see cref="TimeSeriesQuery.GroupByTag"/> (a single series without it), ordered by that
    /// value; series without points are left out. Only numeric values (floats, integers) are returned.
    /// </summary>
    Task<IReadOnlyList<TimeSeriesGroup>> QueryAsync(TimeSeriesQuery query, CancellationToken cancellationToken = default);
}
