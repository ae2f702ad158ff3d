using System.Buffers;
using System.Text;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Tests.LineProtocol;

public class LineProtocolWriterTests
{
    [Theory]
    [InlineData("cpu load", "cpu\\ load")]
    [InlineData("cpu,main", "cpu\\,main")]
    [InlineData("cpu=load", "cpu=load")]
    [InlineData("\"cpu\"", "\"cpu\"")]
    [InlineData("c\\pu", "c\\pu")]
    [InlineData("c\\,pu", "c\\\\,pu")]
    [InlineData("température", "température")]
    public void BeginLine_Measurement_EscapesCommaAndSpaceOnly(string measurement, string expected)
    {
        Assert.Equal($"{expected} v=1i\n", WriteLine(writer =>
        {
            writer.BeginLine(measurement);
            writer.WriteField("v", 1L);
        }));
    }

    [Theory]
    [InlineData("region zone", "east west", "region\\ zone=east\\ west")]
    [InlineData("region,zone", "east,west", "region\\,zone=east\\,west")]
    [InlineData("reg=ion", "a=b", "reg\\=ion=a\\=b")]
    [InlineData("reg\\=ion", "\\,,=east", "reg\\\\=ion=\\\\,\\,\\=east")]
    [InlineData("\"host\"", "eas\\t", "\"host\"=eas\\t")]
    [InlineData("ville", "Zürich 😀", "ville=Zürich\\ 😀")]
    public void WriteTag_KeyAndValue_EscapeCommaEqualsAndSpace(string key, string value, string expected)
    {
        Assert.Equal($"m,{expected} v=1i\n", WriteLine(writer =>
        {
            writer.BeginLine("m");
            writer.WriteTag(key, value);
            writer.WriteField("v", 1L);
        }));
    }

    [Theory]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\temp\\", "\"C:\\\\temp\\\\\"")]
    [InlineData("a,b=c d", "\"a,b=c d\"")]
    [InlineData("line1\nline2\ttab", "\"line1\nline2\ttab\"")]
    [InlineData("back\\nslash-n", "\"back\\\\nslash-n\"")]
    public void WriteField_StringInInfluxDb1Dialect_EscapesOnlyQuoteAndBackslash(string value, string expected)
    {
        Assert.Equal($"m s={expected}\n", WriteFields(writer => writer.WriteField("s", value)));
    }

    [Fact]
    public void WriteField_StringInSpecificationDialect_AlsoEscapesNewlineReturnAndTab()
    {
        string line = WriteFields(writer => writer.WriteField("s", "a\nb\rc\td\"e\\"), LineProtocolOptions.Specification);

        Assert.Equal("m s=\"a\\nb\\rc\\td\\\"e\\\\\"\n", line);
    }

    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-0.64, "-0.64")]
    [InlineData(12.123, "12.123")]
    [InlineData(0.1, "0.1")]
    [InlineData(123456.0, "123456")]
    [InlineData(6632243.0, "6.632243e+06")]
    [InlineData(1e6, "1e+06")]
    [InlineData(1e21, "1e+21")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-1.5e-7, "-1.5e-07")]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(double.Epsilon, "5e-324")]
    public void WriteField_Double_UsesShortestRoundTripInGoLayout(double value, string expected)
    {
        Assert.Equal($"m v={expected}\n", WriteFields(writer => writer.WriteField("v", value)));
    }

    [Fact]
    public void WriteField_RandomDoubles_RoundTripBitForBit()
    {
        var random = new Random(20261121);
        Span<byte> bytes = stackalloc byte[8];
        var failures = new List<string>();
        for (int i = 0; i < 20_000; i++)
        {
            random.NextBytes(bytes);
            double value = BitConverter.ToDouble(bytes);
            if (!double.IsFinite(value))
            {
                continue;
            }

            string line = WriteFields(writer => writer.WriteField("v", value));
            double parsed = LineProtocolReader.Parse(line)[0].Fields[0].Value.AsDouble();
            if (BitConverter.DoubleToInt64Bits(parsed) != BitConverter.DoubleToInt64Bits(value))
            {
                failures.Add($"{value:R} -> {line.TrimEnd()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void WriteField_Single_UsesTheSinglesShortestForm()
    {
        Assert.Equal("m v=0.1\n", WriteFields(writer => writer.WriteField("v", 0.1f)));
    }

    [Fact]
    public void WriteField_IntegerBooleanUnsigned_UseTheirSuffixes()
    {
        string line = WriteFields(
            writer =>
            {
                writer.WriteField("i", long.MinValue);
                writer.WriteField("b", true);
                writer.WriteField("u", ulong.MaxValue);
            },
            LineProtocolOptions.Specification);

        Assert.Equal("m i=-9223372036854775808i,b=true,u=18446744073709551615u\n", line);
    }

    [Fact]
    public void WriteField_UnsignedInInfluxDb1Dialect_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => WriteFields(writer => writer.WriteField("count", 42UL)));

        Assert.Contains("\"count\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowUnsigned", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void WriteField_NonFinite_IsRefusedNamingTheField(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WriteFields(writer => writer.WriteField("temperature", value)));

        Assert.Contains("\"temperature\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#cpu", "k", "v", "f", "starts with '#'")]
    [InlineData("cpu\\", "k", "v", "f", "ends with a backslash")]
    [InlineData("cpu", "k\\", "v", "f", "ends with a backslash")]
    [InlineData("cpu", "k", "v\\", "f", "ends with a backslash")]
    [InlineData("cpu", "k", "v", "f\\", "ends with a backslash")]
    [InlineData("c\npu", "k", "v", "f", "U+000A")]
    [InlineData("cpu", "k\r", "v", "f", "U+000D")]
    [InlineData("cpu", "k", "v\t", "f", "U+0009")]
    [InlineData("cpu", "k", "v", "f\u007f", "U+007F")]
    [InlineData("cpu", "k", "", "f", "empty value")]
    [InlineData("cpu", "", "v", "f", "empty")]
    [InlineData("cpu", "time", "v", "f", "\"time\"")]
    [InlineData("cpu", "k", "v", "time", "\"time\"")]
    public void WritePoint_UnwritableName_IsRefusedWithReason(string measurement, string tagKey, string tagValue, string fieldKey, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => WriteLine(writer =>
        {
            writer.BeginLine(measurement);
            writer.WriteTag(tagKey, tagValue);
            writer.WriteField(fieldKey, 1L);
        }));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTag_UnpairedSurrogate_IsRefused()
    {
        // Built at run time: attribute arguments would not keep a lone surrogate.
        string value = "a" + (char)0xD83D;

        var error = Assert.Throws<ArgumentException>(() => WriteFields(writer => writer.WriteTag("k", value)));

        Assert.Contains("unpaired surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteField_TimeKeyInSpecificationDialect_IsWritten()
    {
        Assert.Equal("m,time=t time=1i\n", WriteLine(
            writer =>
            {
                writer.BeginLine("m");
                writer.WriteTag("time", "t");
                writer.WriteField("time", 1L);
            },
            options: LineProtocolOptions.Specification));
    }

    [Theory]
    [InlineData("b", "a")]
    [InlineData("a", "a")]
    [InlineData("\ud83d\ude00", "\ue000")]
    public void WriteTag_KeyNotAfterPreviousInUtf8Order_IsRefused(string first, string second)
    {
        Assert.Throws<ArgumentException>(() => WriteLine(writer =>
        {
            writer.BeginLine("m");
            writer.WriteTag(first, "1");
            writer.WriteTag(second, "2");
        }));
    }

    [Fact]
    public void EndLine_WithoutFields_IsRefused()
    {
        using var writer = new LineProtocolWriter(new ArrayBufferWriter<byte>());
        writer.BeginLine("m");
        writer.WriteTag("k", "v");

        var error = Assert.Throws<InvalidOperationException>(() => writer.EndLine());
        Assert.Contains("no fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteField_RefusedMidLine_DiscardsOnlyThatLineAndWriterStaysUsable()
    {
        var output = new ArrayBufferWriter<byte>();
        using var writer = new LineProtocolWriter(output);
        writer.BeginLine("good");
        writer.WriteField("v", 1L);
        writer.EndLine(1);
        writer.BeginLine("bad");
        writer.WriteTag("k", "v");
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteField("v", double.NaN));
        writer.BeginLine("next");
        writer.WriteField("v", 3L);
        writer.EndLine();

        Assert.Equal("good v=1i 1\nnext v=3i\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WritePoint_ManyPoints_AppendOneLineEach()
    {
        var output = new ArrayBufferWriter<byte>();
        using var writer = new LineProtocolWriter(output);
        var settings = new PointSettings().AddDefaultTag("site", "lyon");
        for (int i = 0; i < 3; i++)
        {
            writer.WritePoint(PointData.Measurement("power").Tag("heater", $"h{i}").Field("watts", 100.5 * i).Timestamp(i, WritePrecision.Seconds), settings);
        }

        Assert.Equal(
            "power,heater=h0,site=lyon watts=0 0\npower,heater=h1,site=lyon watts=100.5 1\npower,heater=h2,site=lyon watts=201 2\n",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WritePoint_SteadyState_AllocatesNothingPerLine()
    {
        var settings = new PointSettings().AddDefaultTag("site", "lyon");
        var points = Enumerable.Range(0, 200)
            .Select(i => PointData.Measurement("heater power").Tag("heater", $"h,{i}").Field("watts", 412.25 + i).Field("on", true)
                .Field("cores", i).Field("note", "a \"b\"").Timestamp(1_700_000_000L + i, WritePrecision.Seconds))
            .ToArray();
        var output = new ArrayBufferWriter<byte>(1 << 20);
        using var writer = new LineProtocolWriter(output);
        foreach (var point in points)
        {
            writer.WritePoint(point, settings);
        }

        output.ResetWrittenCount();
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var point in points)
        {
            writer.WritePoint(point, settings);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string WriteFields(Action<LineProtocolWriter> writeFields, LineProtocolOptions? options = null) => WriteLine(
        writer =>
        {
            writer.BeginLine("m");
            writeFields(writer);
        },
        options);

    private static string WriteLine(Action<LineProtocolWriter> write, LineProtocolOptions? options = null)
    {
        var output = new ArrayBufferWriter<byte>();
        using var writer = new LineProtocolWriter(output, options);
        write(writer);
        writer.EndLine();
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
