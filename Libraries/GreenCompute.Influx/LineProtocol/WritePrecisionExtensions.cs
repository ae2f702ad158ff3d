namespace GreenCompute.Influx.LineProtocol;

/// <summary>Conversions between <see cref="WritePrecision"/> units, instants and Unix nanoseconds.</summary>
public static class WritePrecisionExtensions
{
    private const long NanosecondsPerTick = 100;

    /// <summary>How many nanoseconds one unit of this precision spans.</summary>
    public static long NanosecondsPerUnit(this WritePrecision precision) => precision switch
    {
        WritePrecision.Nanoseconds => 1,
        WritePrecision.Microseconds => 1_000,
        WritePrecision.Milliseconds => 1_000_000,
        WritePrecision.Seconds => 1_000_000_000,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown write precision."),
    };

    /// <summary>The <c>precision</c> query value of the InfluxDB 1.x <c>/write</c> endpoint (<c>ns</c>, <c>u</c>, <c>ms</c>, <c>s</c>).</summary>
    public static string ToV1QueryValue(this WritePrecision precision) => precision switch
    {
        WritePrecision.Nanoseconds => "ns",
        WritePrecision.Microseconds => "u",
        WritePrecision.Milliseconds => "ms",
        WritePrecision.Seconds => "s",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown write precision."),
    };

    /// <summary>The <c>precision</c> query value of the InfluxDB 2.x <c>/api/v2/write</c> endpoint (<c>ns</c>, <c>us</c>, <c>ms</c>, <c>s</c>).</summary>
    public static string ToV2QueryValue(this WritePrecision precision) => precision switch
    {
        WritePrecision.Microseconds => "us",
        _ => precision.ToV1QueryValue(),
    };

    /// <summary>
    /// Unix time of <paramref name="instant"/> in units of <paramref name="precision"/>, rounded down (towards the past,
    /// also before 1970) as InfluxDB truncates. Nanoseconds only reach 1677-09-21 to 2262-04-11.
    /// </summary>
    /// <exception cref="OverflowException">The instant is outside the range of a 64-bit nanosecond timestamp.</exception>
    public static long ToUnixTimestamp(this WritePrecision precision, DateTimeOffset instant)
    {
        long ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        if (precision == WritePrecision.Nanoseconds)
        {
            if (ticks > long.MaxValue / NanosecondsPerTick || ticks < long.MinValue / NanosecondsPerTick)
            {
                throw new OverflowException(
                    $"{instant:O} is outside the nanosecond timestamp range (1677-09-21 to 2262-04-11); use a coarser precision.");
            }

            return ticks * NanosecondsPerTick;
        }

        long ticksPerUnit = precision.NanosecondsPerUnit() / NanosecondsPerTick;
        return Math.DivRem(ticks, ticksPerUnit, out long remainder) - (remainder < 0 ? 1 : 0);
    }

    /// <summary>Converts a timestamp in <paramref name="precision"/> units to Unix nanoseconds; false if it overflows 64 bits.</summary>
    public static bool TryToNanoseconds(this WritePrecision precision, long timestamp, out long nanoseconds)
    {
        long factor = precision.NanosecondsPerUnit();
        if (timestamp > long.MaxValue / factor || timestamp < long.MinValue / factor)
        {
            nanoseconds = 0;
            return false;
        }

        nanoseconds = timestamp * factor;
        return true;
    }

    /// <summary>Rounds Unix nanoseconds down to a whole unit of <paramref name="precision"/>.</summary>
    public static long TruncateNanoseconds(this WritePrecision precision, long nanoseconds)
    {
        long factor = precision.NanosecondsPerUnit();
        long remainder = nanoseconds % factor;
        return remainder < 0 ? nanoseconds - remainder - factor : nanoseconds - remainder;
    }
}
