using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Tests.LineProtocol;

public class PointDataTests
{
    [Fact]
    public void ToLineProtocol_TagsAddedInAnyOrder_AreSortedByUtf8Bytes()
    {
        // UTF-16 ordinal order would put the emoji (surrogates) before U+E000; UTF-8 byte order puts it last.
        var point = PointData.Measurement("m").Tag("😀", "4").Tag("\ue000", "3").Tag("b", "2").Tag("B", "1").Field("v", 1);

        Assert.Equal("m,B=1,b=2,\ue000=3,😀=4 v=1i", point.ToLineProtocol());
    }

    [Fact]
    public void ToLineProtocol_FieldsAddedInAnyOrder_AreSortedByKey()
    {
        var point = PointData.Measurement("m").Field("z", 1).Field("a", "x").Field("M", true);

        Assert.Equal("m M=true,a=\"x\",z=1i", point.ToLineProtocol());
    }

    [Fact]
    public void Field_NaN_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PointData.Measurement("m").Field("supply_temp", double.NaN));

        Assert.Contains("\"supply_temp\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLineProtocol_NoFields_ThrowsNamingTheMeasurement()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PointData.Measurement("heater").Tag("id", "7").ToLineProtocol());

        Assert.Contains("\"heater\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_DecimalAndSingle_AreWrittenByTheirDecimalForm()
    {
        var point = PointData.Measurement("m").Field("d", 0.1m).Field("f", 0.3f);

        Assert.Equal("m d=0.1,f=0.3", point.ToLineProtocol());
    }

    [Fact]
    public void Field_UnsignedLong_NeedsAllowUnsigned()
    {
        var point = PointData.Measurement("m").Field("u", 7UL);

        Assert.Throws<ArgumentException>(() => point.ToLineProtocol());
        Assert.Equal("m u=7u", point.ToLineProtocol(options: new LineProtocolOptions { AllowUnsigned = true }));
    }

    [Fact]
    public void Field_NullString_RemovesEarlierValue()
    {
        var point = PointData.Measurement("m").Field("a", 1).Field("note", "x").Field("note", null);

        Assert.Equal("m a=1i", point.ToLineProtocol());
    }

    [Theory]
    [InlineData(WritePrecision.Nanoseconds, 1_444_897_215_750_000_000L)]
    [InlineData(WritePrecision.Microseconds, 1_444_897_215_750_000L)]
    [InlineData(WritePrecision.Milliseconds, 1_444_897_215_750L)]
    [InlineData(WritePrecision.Seconds, 1_444_897_215L)]
    public void Timestamp_DateTimeOffset_IsConvertedToPrecision(WritePrecision precision, long expected)
    {
        var point = PointData.Measurement("m").Field("v", 1).Timestamp(new DateTimeOffset(2015, 10, 15, 10, 20, 15, 750, TimeSpan.FromHours(2)), precision);

        Assert.Equal((expected, precision), (point.Time!.Value, point.Precision));
    }

    [Fact]
    public void Timestamp_BeforeEpoch_RoundsTowardsThePast()
    {
        var point = PointData.Measurement("m").Field("v", 1).Timestamp(DateTimeOffset.UnixEpoch.AddMilliseconds(-1500), WritePrecision.Seconds);

        Assert.Equal("m v=1i -2", point.ToLineProtocol());
    }

    [Fact]
    public void Timestamp_NanosecondsAfter2262_ThrowsOverflow()
    {
        var point = PointData.Measurement("m").Field("v", 1);

        Assert.Throws<OverflowException>(() => point.Timestamp(new DateTimeOffset(2300, 1, 1, 0, 0, 0, TimeSpan.Zero), WritePrecision.Nanoseconds));
        Assert.Equal(10_413_792_000L, point.Timestamp(new DateTimeOffset(2300, 1, 1, 0, 0, 0, TimeSpan.Zero), WritePrecision.Seconds).Time);
    }

    [Fact]
    public void Equals_DifferentTimestampOrValue_AreNotEqual()
    {
        var point = PointData.Measurement("m").Tag("k", "v").Field("f", 1.5);

        Assert.Equal(point, PointData.Measurement("m").Tag("k", "v").Field("f", 1.5));
        Assert.NotEqual(point, point.Field("f", 2.5));
        Assert.NotEqual(point, point.Timestamp(1, WritePrecision.Seconds));
        Assert.NotEqual(point.Timestamp(1, WritePrecision.Seconds), point.Timestamp(1, WritePrecision.Milliseconds));
    }

    [Fact]
    public void ToString_UnwritablePoint_DoesNotThrow()
    {
        Assert.Contains("not writable", PointData.Measurement("m").Tag("k", "a\nb").Field("v", 1).ToString(), StringComparison.Ordinal);
        Assert.Equal("m v=1i", PointData.Measurement("m").Field("v", 1).ToString());
    }
}
