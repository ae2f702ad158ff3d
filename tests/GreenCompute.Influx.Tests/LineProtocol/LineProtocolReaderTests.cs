using System.Text;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Tests.LineProtocol;

public class LineProtocolReaderTests
{
    [Theory]
    [InlineData("cpu", 1, 4, "no fields")]
    [InlineData("cpu,host=a", 1, 11, "no fields")]
    [InlineData("cpu,host=a,", 1, 12, "expected a tag key")]
    [InlineData("cpu,host= v=1", 1, 10, "missing value of tag \"host\"")]
    [InlineData("cpu,a=1,a=2 v=1", 1, 9, "duplicate tag key \"a\"")]
    [InlineData("cpu value=1\ncpu value=", 2, 11, "missing value for field \"value\"")]
    [InlineData("cpu value=1 12a", 1, 13, "invalid timestamp")]
    [InlineData("cpu value=1 1 extra", 1, 15, "unexpected 'e'")]
    [InlineData("cpu value=NaN", 1, 11, "invalid value for field \"value\"")]
    [InlineData("cpu value=-Inf", 1, 11, "invalid number value")]
    [InlineData("cpu value=1e400", 1, 11, "out of the 64-bit range")]
    [InlineData("cpu value=9223372036854775808i", 1, 11, "out of the 64-bit range")]
    [InlineData("cpu value=tru", 1, 11, "invalid boolean")]
    [InlineData("cpu value=\"open", 1, 11, "unterminated string")]
    [InlineData("cpu value=\"a\"b", 1, 14, "unexpected character 'b'")]
    [InlineData("\tcpu value=1", 1, 1, "byte 0x09")]
    [InlineData("cpu value=1\rx", 1, 12, "byte 0x0D")]
    [InlineData("cpu s=\"multi\nline\" 1\ncpu", 3, 4, "no fields")]
    [InlineData("# comment\n\n  cpu", 3, 6, "no fields")]
    [InlineData("cpu value=42u", 1, 11, "rejected by InfluxDB 1.x")]
    [InlineData("cpu,time=x value=1", 1, 5, "tag key \"time\"")]
    [InlineData("cpu time=1", 1, 5, "field key \"time\"")]
    public void Read_MalformedLine_ReportsLineColumnAndReason(string input, int line, int column, string reason)
    {
        var reader = new LineProtocolReader(Encoding.UTF8.GetBytes(input));
        LineProtocolError? error = null;
        while (error is null && reader.Read(out _, out error))
        {
        }

        Assert.NotNull(error);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadLineBetweenGoodOnes_ReportsItAndContinues()
    {
        var reader = new LineProtocolReader("a v=1\nb v=\nc v=3\n"u8);
        var names = new List<string>();
        var errors = new List<LineProtocolError>();
        while (reader.Read(out var point, out var error))
        {
            if (point is not null)
            {
                names.Add(point.Name);
            }
            else
            {
                errors.Add(error!);
            }
        }

        Assert.Equal(["a", "c"], names);
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Fact]
    public void Parse_CommentsBlankLinesAndCrlf_AreSkipped()
    {
        var points = LineProtocolReader.Parse("# header\r\n\r\n   \ncpu,host=a v=1i 5\r\n#\tmore\r\n  mem free=2 6  \r\n");

        Assert.Equal(["cpu", "mem"], points.Select(p => p.Name));
        Assert.Equal([5L, 6L], points.Select(p => p.Timestamp!.Value));
    }

    [Fact]
    public void Parse_FullLine_DecodesEveryPart()
    {
        var point = Assert.Single(LineProtocolReader.Parse("we\\ ather,z=1,a\\,b=x\\=y t=21.5,n=-3i,ok=T,s=\"say \\\"hi\\\"\" -42"));

        Assert.Equal("we ather", point.Name);
        Assert.Equal([KeyValuePair.Create("a,b", "x=y"), KeyValuePair.Create("z", "1")], point.Tags);
        Assert.Equal(
            [
                KeyValuePair.Create("t", FieldValue.FromDouble(21.5)),
                KeyValuePair.Create("n", FieldValue.FromInt64(-3)),
                KeyValuePair.Create("ok", FieldValue.FromBoolean(true)),
                KeyValuePair.Create("s", FieldValue.FromString("say \"hi\"")),
            ],
            point.Fields);
        Assert.Equal(-42L, point.Timestamp);
    }

    [Theory]
    [InlineData(WritePrecision.Nanoseconds, 5L)]
    [InlineData(WritePrecision.Microseconds, 5_000L)]
    [InlineData(WritePrecision.Milliseconds, 5_000_000L)]
    [InlineData(WritePrecision.Seconds, 5_000_000_000L)]
    public void Parse_Precision_ConvertsTimestampToNanoseconds(WritePrecision precision, long nanoseconds)
    {
        Assert.Equal(nanoseconds, LineProtocolReader.Parse("m v=1 5", precision: precision)[0].Timestamp);
    }

    [Fact]
    public void Parse_TimestampOverflowingNanoseconds_IsError()
    {
        var error = Assert.Throws<LineProtocolException>(() => LineProtocolReader.Parse("m v=1 9223372037", precision: WritePrecision.Seconds));

        Assert.Equal((1, 7), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_NoTimestamp_UsesDefaultRoundedDownToPrecision()
    {
        Assert.Equal(1_600_000_000_000_000_000L, LineProtocolReader.Parse("m v=1", precision: WritePrecision.Seconds, defaultTimestamp: 1_600_000_000_999_999_999L)[0].Timestamp);
        Assert.Null(LineProtocolReader.Parse("m v=1")[0].Timestamp);
    }

    [Fact]
    public void Parse_StringEscapes_DependOnDialect()
    {
        const string Line = "m s=\"a\\nb\\\\c\\d\"";

        Assert.Equal("a\\nb\\c\\d", LineProtocolReader.Parse(Line)[0].Fields[0].Value.AsString());
        Assert.Equal("a\nb\\c\\d", LineProtocolReader.Parse(Line, LineProtocolOptions.Specification)[0].Fields[0].Value.AsString());
    }

    [Fact]
    public void Parse_UnsignedAndTimeKeys_AcceptedInSpecificationDialect()
    {
        var point = LineProtocolReader.Parse("m,time=t time=18446744073709551615u", LineProtocolOptions.Specification)[0];

        Assert.Equal(ulong.MaxValue, point.Fields[0].Value.AsUInt64());
        Assert.Equal("time", point.Tags[0].Key);
    }

    [Fact]
    public void Parse_Unicode_DecodesUtf8AndSortsTagsByUtf8Bytes()
    {
        var point = LineProtocolReader.Parse("températur,😀=b,\ue000=a,z=c s=\"ü€\"")[0];

        Assert.Equal("températur", point.Name);
        Assert.Equal(["z", "\ue000", "😀"], point.Tags.Select(tag => tag.Key));
        Assert.Equal("ü€", point.Fields[0].Value.AsString());
    }

    [Fact]
    public void Parse_InvalidUtf8_IsError()
    {
        byte[] input = [.. "m,k="u8, 0xFF, .. " v=1"u8];

        var error = Assert.Throws<LineProtocolException>(() => LineProtocolReader.Parse(input));

        Assert.Equal(5, error.Column);
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WriterOutput_RoundTripsToEqualPoint()
    {
        var original = PointData.Measurement("heat, room")
            .Tag("room", "salon nord")
            .Tag("ké=y", "va,lue")
            .Field("watts", 412.25)
            .Field("cores", 16)
            .Field("on", true)
            .Field("note", "a \"quoted\"\nsecond line \\ done")
            .Timestamp(1_700_000_000_123_456_789, WritePrecision.Nanoseconds);

        var decoded = Assert.Single(LineProtocolReader.Parse(original.ToLineProtocol()));

        Assert.Equal(original, decoded.ToPointData());
    }
}
