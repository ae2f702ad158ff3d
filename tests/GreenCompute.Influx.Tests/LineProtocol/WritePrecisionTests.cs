using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Tests.LineProtocol;

public class WritePrecisionTests
{
    [Theory]
    [InlineData(WritePrecision.Nanoseconds, "ns", "ns", 1L)]
    [InlineData(WritePrecision.Microseconds, "u", "us", 1_000L)]
    [InlineData(WritePrecision.Milliseconds, "ms", "ms", 1_000_000L)]
    [InlineData(WritePrecision.Seconds, "s", "s", 1_000_000_000L)]
    public void Precision_QueryValuesAndUnit_MatchInfluxDb(WritePrecision precision, string v1, string v2, long nanoseconds)
    {
        Assert.Equal(v1, precision.ToV1QueryValue());
        Assert.Equal(v2, precision.ToV2QueryValue());
        Assert.Equal(nanoseconds, precision.NanosecondsPerUnit());
    }

    [Theory]
    [InlineData(WritePrecision.Nanoseconds, -1_500_000_000L)]
    [InlineData(WritePrecision.Microseconds, -1_500_000L)]
    [InlineData(WritePrecision.Milliseconds, -1_500L)]
    [InlineData(WritePrecision.Seconds, -2L)]
    public void ToUnixTimestamp_BeforeEpoch_RoundsDown(WritePrecision precision, long expected)
    {
        Assert.Equal(expected, precision.ToUnixTimestamp(DateTimeOffset.UnixEpoch.AddMilliseconds(-1500)));
    }

    [Fact]
    public void TryToNanoseconds_Overflow_ReturnsFalse()
    {
        Assert.True(WritePrecision.Seconds.TryToNanoseconds(9_223_372_036L, out long nanoseconds));
        Assert.Equal(9_223_372_036_000_000_000L, nanoseconds);
        Assert.False(WritePrecision.Seconds.TryToNanoseconds(9_223_372_037L, out _));
        Assert.False(WritePrecision.Milliseconds.TryToNanoseconds(long.MinValue / 1_000L, out _));
    }

    [Theory]
    [InlineData(WritePrecision.Seconds, 1_999_999_999L, 1_000_000_000L)]
    [InlineData(WritePrecision.Seconds, -1L, -1_000_000_000L)]
    [InlineData(WritePrecision.Milliseconds, -1_000_000L, -1_000_000L)]
    [InlineData(WritePrecision.Nanoseconds, -7L, -7L)]
    public void TruncateNanoseconds_AnySign_RoundsDown(WritePrecision precision, long nanoseconds, long expected)
    {
        Assert.Equal(expected, precision.TruncateNanoseconds(nanoseconds));
    }
}
