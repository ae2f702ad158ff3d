using System.Globalization;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Querying;

/// <summary>One row of a series: a value per column, with the <c>time</c> column decoded.</summary>
public sealed class InfluxRow
{
    private readonly InfluxSeries _series;
    private readonly InfluxValue[] _values;

    internal InfluxRow(InfluxSeries series, InfluxValue[] values, WritePrecision epoch)
    {
        _series = series;
        _values = values;
        int timeColumn = series.ColumnIndex("time");
        if (timeColumn >= 0)
        {
            Time = DecodeTime(values[timeColumn], epoch);
        }
    }

    public IReadOnlyList<InfluxValue> Values => _values;

    /// <summary>The <c>time</c> column (the start of the interval for <c>GROUP BY time</c>); null if there is none.</summary>
    public DateTimeOffset? Time { get; }

    public InfluxValue this[int column] => _values[column];

    /// <exception cref="KeyNotFoundException">The series has no such column.</exception>
    public InfluxValue this[string column]
    {
        get
        {
            int index = _series.ColumnIndex(column);
            return index >= 0 ? _values[index] : throw new KeyNotFoundException($"The series has no column \"{column}\".");
        }
    }

    private static DateTimeOffset? DecodeTime(InfluxValue value, WritePrecision epoch) => value.Kind switch
    {
        InfluxValueKind.Integer => FromUnix(value.AsInt64(), epoch),
        InfluxValueKind.String => DateTimeOffset.Parse(value.AsString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => null,
    };

    private static DateTimeOffset FromUnix(long timestamp, WritePrecision epoch)
    {
        // Ticks are 100 ns: round nanoseconds down, towards the past.
        long ticks = epoch == WritePrecision.Nanoseconds
            ? Math.DivRem(timestamp, 100, out long remainder) - (remainder < 0 ? 1 : 0)
            : timestamp * (epoch.NanosecondsPerUnit() / 100);
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }
}
