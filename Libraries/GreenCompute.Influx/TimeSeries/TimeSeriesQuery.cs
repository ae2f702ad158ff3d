using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.TimeSeries;

/// <summary>
/// One numeric field of one measurement over [<see cref="From"/>, <see cref="To"/>), filtered by tag equality. With a
/// <see cref="Resolution"/> the points are aggregated into buckets aligned to the Unix epoch (UTC days for
/// <c>1 d</c>), and the window is widened to whole buckets so that every store answers alike; buckets without points
/// are left out. Without one, the raw points are returned (merged across the matching series).
/// Examples: a room's temperature over 24 h at 1 min (<c>Tags = {room}</c>, Mean); energy per room per day
/// (<c>Field = "energy_wh"</c>, Sum, <c>Resolution = 1 d</c>, <c>GroupByTag = "room"</c>).
/// </summary>
public sealed record TimeSeriesQuery
{
    public required string Measurement { get; init; }

    public required string Field { get; init; }

    /// <summary>Inclusive start.</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>Exclusive end.</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>Only series whose tags have these values.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The bucket width, a positive whole number of seconds; null for raw points.</summary>
    public TimeSpan? Resolution { get; init; }

    /// <summary>Applied per bucket; ignored for raw points.</summary>
    public TimeSeriesAggregation Aggregation { get; init; } = TimeSeriesAggregation.Mean;

    /// <summary>Split the answer into one series per value of this tag.</summary>
    public string? GroupByTag { get; init; }

    /// <summary>The bucket width in nanoseconds, or null for raw points.</summary>
    internal long? ResolutionNanoseconds => Resolution is TimeSpan width ? width.Ticks * 100 : null;

    /// <exception cref="ArgumentException">A name is empty, the window is empty or the resolution is not whole seconds.</exception>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Measurement);
        ArgumentException.ThrowIfNullOrEmpty(Field);
        ArgumentNullException.ThrowIfNull(Tags);
        if (To <= From)
        {
            throw new ArgumentException($"The window [{From:O}, {To:O}) is empty.", nameof(To));
        }

        if (Resolution is TimeSpan width && (width <= TimeSpan.Zero || width.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            throw new ArgumentException($"Resolution {width} is not a positive whole number of seconds.", nameof(Resolution));
        }

        if (GroupByTag is { Length: 0 })
        {
            throw new ArgumentException("GroupByTag is empty; use null for no grouping.", nameof(GroupByTag));
        }
    }

    /// <summary>The window in Unix nanoseconds, widened to whole buckets when there is a resolution.</summary>
    internal (long From, long To) WindowNanoseconds()
    {
        long from = WritePrecision.Nanoseconds.ToUnixTimestamp(From);
        long to = WritePrecision.Nanoseconds.ToUnixTimestamp(To);
        if (ResolutionNanoseconds is not long width)
        {
            return (from, to);
        }

        long start = FloorTo(from, width);
        long end = FloorTo(to, width);
        return (start, end == to ? end : end + width);
    }

    internal static long FloorTo(long nanoseconds, long width)
    {
        long remainder = nanoseconds % width;
        return remainder < 0 ? nanoseconds - remainder - width : nanoseconds - remainder;
    }
}
