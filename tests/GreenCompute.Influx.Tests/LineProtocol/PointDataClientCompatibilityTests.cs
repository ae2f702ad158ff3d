using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Tests.LineProtocol.Vectors;

namespace GreenCompute.Influx.Tests.LineProtocol;

/// <summary>
/// The 28 tests of the official C# client's PointDataTest.cs, translated to <see cref="PointData"/>; each method is
/// named after the client test it translates. Expected lines come from the vector file. Four deliberate differences,
/// each asserted here: control characters in names are refused (the client writes "\n" as two characters, which
/// InfluxDB then stores as two characters); uint and ushort are written as signed integers and ulong only with
/// AllowUnsigned (InfluxDB 1.x rejects "u"); NaN and ±Infinity are refused naming the field (the client drops them
/// silently); and a point without fields cannot be written (the client returns "").
/// </summary>
public class PointDataClientCompatibilityTests
{
    private static readonly PointData H2oEurope = PointData.Measurement("h2o").Tag("location", "europe");

    [Fact]
    public void ClientVectors_EveryTest_IsTranslatedHere()
    {
        var translated = typeof(PointDataClientCompatibilityTests).GetMethods()
            .Where(method => method.GetCustomAttributes(typeof(FactAttribute), false).Length > 0)
            .Select(method => method.Name.Split('_')[0])
            .Where(name => name != "ClientVectors")
            .ToHashSet();

        Assert.Equal(28, ClientPointDataVectors.TestNames.Count);
        Assert.Empty(ClientPointDataVectors.TestNames.Except(translated));
    }

    [Fact]
    public void TagEmptyTagValue_EmptyValueAfterValue_RemovesTag()
    {
        var point = H2oEurope.Tag("log", "to_delete").Tag("log", "").Field("level", 2);

        Assert.Equal(ClientPointDataVectors.Expected("TagEmptyTagValue"), point.ToLineProtocol());
    }

    [Fact]
    public void TagEscapingKeyAndValue_ControlCharacters_AreRefusedWhereClientWritesBackslashLetters()
    {
        var point = PointData.Measurement("h\n2\ro\t_data")
            .Tag("new\nline", "new\nline")
            .Tag("carriage\rreturn", "carriage\rreturn")
            .Tag("t\tab", "t\tab")
            .Field("level", 2);

        var error = Assert.Throws<ArgumentException>(() => point.ToLineProtocol());
        Assert.Contains("U+000A", error.Message, StringComparison.Ordinal);

        // Why: the client's line decodes to backslash-letter text, not to the newline it was given.
        var clientLine = LineProtocolReader.Parse(ClientPointDataVectors.Expected("TagEscapingKeyAndValue"))[0];
        Assert.Equal("h\\n2\\ro\\t_data", clientLine.Name);
    }

    [Fact]
    public void EqualSignEscaping_EqualsInKeysAndValues_IsEscapedButNotInMeasurement()
    {
        var point = PointData.Measurement("h=2o").Tag("l=ocation", "e=urope").Field("l=evel", 2);

        Assert.Equal(ClientPointDataVectors.Expected("EqualSignEscaping"), point.ToLineProtocol());
    }

    [Fact]
    public void Immutability_EachCall_ReturnsNewEqualByValuePoint()
    {
        var point = PointData.Measurement("h2 o").Tag("location", "europe");

        var point1 = point.Tag("TAG", "VALX").Field("level", 2);
        var point2 = point.Tag("TAG", "VALX").Field("level", 2);
        var point3 = point.Tag("TAG", "VALY").Field("level", 2);

        Assert.Equal(point1, point2);
        Assert.NotEqual(point, point1);
        Assert.False(ReferenceEquals(point1, point2));
        Assert.NotEqual(point3, point1);
    }

    [Fact]
    public void MeasurementEscape_SpaceAndComma_AreEscapedAndEmptyTagKeyDropped()
    {
        string[] names = ["h2 o", "h2=o", "h2,o"];
        for (int i = 0; i < names.Length; i++)
        {
            var point = PointData.Measurement(names[i]).Tag("location", "europe").Tag("", "warn").Field("level", 2);

            Assert.Equal(ClientPointDataVectors.Expected("MeasurementEscape", i), point.ToLineProtocol());
        }
    }

    [Fact]
    public void TagEmptyKey_EmptyKey_IsDropped()
    {
        var point = H2oEurope.Tag("", "warn").Field("level", 2);

        Assert.Equal(ClientPointDataVectors.Expected("TagEmptyKey"), point.ToLineProtocol());
    }

    [Fact]
    public void TagEmptyValue_EmptyValue_IsDropped()
    {
        var point = H2oEurope.Tag("log", "").Field("level", 2);

        Assert.Equal(ClientPointDataVectors.Expected("TagEmptyValue"), point.ToLineProtocol());
    }

    [Fact]
    public void OverrideTagField_SameKeyTwice_LastWins()
    {
        var point = H2oEurope.Tag("location", "europe2").Field("level", 2).Field("level", 3);

        Assert.Equal(ClientPointDataVectors.Expected("OverrideTagField"), point.ToLineProtocol());
    }

    [Fact]
    public void FieldTypes_AllClrTypes_SortedWithUnsignedOnlyForUlong()
    {
        var point = H2oEurope
            .Field("long", 1L)
            .Field("double", 250.69D)
            .Field("float", 35.0F)
            .Field("integer", 7)
            .Field("short", (short)8)
            .Field("byte", (byte)9)
            .Field("ulong", (ulong)10)
            .Field("uint", (uint)11)
            .Field("sbyte", (sbyte)12)
            .Field("ushort", (ushort)13)
            .Field("point", 13.3)
            .Field("decimal", (decimal)25.6)
            .Field("boolean", false)
            .Field("string", "string value");

        // The client's expectation, with uint=11u and ushort=13u: here only ulong is unsigned, and only when allowed.
        const string Expected = "h2o,location=europe boolean=false,byte=9i,decimal=25.6,double=250.69,float=35,integer=7i,long=1i," +
                                "point=13.3,sbyte=12i,short=8i,string=\"string value\",uint=11i,ulong=10u,ushort=13i";
        Assert.Equal(Expected, point.ToLineProtocol(options: LineProtocolOptions.Specification));
        var error = Assert.Throws<ArgumentException>(() => point.ToLineProtocol());
        Assert.Contains("\"ulong\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldNullValue_NullString_IsDropped()
    {
        var point = H2oEurope.Field("level", 2).Field("warning", null);

        Assert.Equal(ClientPointDataVectors.Expected("FieldNullValue"), point.ToLineProtocol());
    }

    [Fact]
    public void FieldEscape_BackslashAndQuote_AreEscapedInStrings()
    {
        Assert.Equal(ClientPointDataVectors.Expected("FieldEscape", 0), H2oEurope.Field("level", "string esc\\ape value").ToLineProtocol());
        Assert.Equal(ClientPointDataVectors.Expected("FieldEscape", 1), H2oEurope.Field("level", "string esc\"ape value").ToLineProtocol());
    }

    [Fact]
    public void Time_LongInSeconds_IsWrittenAsGiven()
    {
        var point = H2oEurope.Field("level", 2).Timestamp(123L, WritePrecision.Seconds);

        Assert.Equal(ClientPointDataVectors.Expected("Time"), point.ToLineProtocol());
    }

    [Fact]
    public void TimePrecisionDefault_NoTimestamp_IsNanoseconds()
    {
        Assert.Equal(WritePrecision.Nanoseconds, H2oEurope.Field("level", 2).Precision);
    }

    [Fact]
    public void TimeSpanFormatting_OffsetsFromEpoch_ConvertToEachPrecision()
    {
        (TimeSpan SinceEpoch, WritePrecision Precision)[] cases =
        [
            (TimeSpan.FromDays(1), WritePrecision.Nanoseconds),
            (TimeSpan.FromHours(356), WritePrecision.Microseconds),
            (TimeSpan.FromSeconds(156), WritePrecision.Milliseconds),
            (TimeSpan.FromSeconds(123), WritePrecision.Seconds),
        ];
        for (int i = 0; i < cases.Length; i++)
        {
            var point = H2oEurope.Field("level", 2).Timestamp(DateTimeOffset.UnixEpoch + cases[i].SinceEpoch, cases[i].Precision);

            Assert.Equal(ClientPointDataVectors.Expected("TimeSpanFormatting", i), point.ToLineProtocol());
        }
    }

    [Fact]
    public void DateTimeFormatting_UtcDateTimes_AreWholeUnitsRoundedDown()
    {
        var dateTime = new DateTime(2015, 10, 15, 8, 20, 15, DateTimeKind.Utc);
        Assert.Equal(
            ClientPointDataVectors.Expected("DateTimeFormatting", 0),
            H2oEurope.Field("level", 2).Timestamp(dateTime, WritePrecision.Milliseconds).ToLineProtocol());

        dateTime = new DateTime(2015, 10, 15, 8, 20, 15, 750, DateTimeKind.Utc);
        Assert.Equal(
            ClientPointDataVectors.Expected("DateTimeFormatting", 1),
            H2oEurope.Field("level", false).Timestamp(dateTime, WritePrecision.Seconds).ToLineProtocol());

        Assert.DoesNotContain(".", H2oEurope.Field("level", true).Timestamp(DateTime.UtcNow, WritePrecision.Seconds).ToLineProtocol(), StringComparison.Ordinal);
        Assert.DoesNotContain(".", H2oEurope.Field("level", true).Timestamp(DateTime.UtcNow, WritePrecision.Nanoseconds).ToLineProtocol(), StringComparison.Ordinal);
    }

    [Fact]
    public void DateTimeUnspecified_UnspecifiedKind_IsTakenAsUtc()
    {
        var dateTime = new DateTime(2015, 10, 15, 8, 20, 15, DateTimeKind.Unspecified);

        var point = H2oEurope.Field("level", 2).Timestamp(dateTime, WritePrecision.Milliseconds);

        Assert.Equal(ClientPointDataVectors.Expected("DateTimeUnspecified"), point.ToLineProtocol());
    }

    [Fact]
    public void DateTimeLocal_LocalKind_IsConvertedToUtc()
    {
        var dateTime = new DateTime(2015, 10, 15, 8, 20, 15, DateTimeKind.Local);

        string local = H2oEurope.Field("level", 2).Timestamp(dateTime, WritePrecision.Milliseconds).ToLineProtocol();
        string utc = H2oEurope.Field("level", 2).Timestamp(TimeZoneInfo.ConvertTimeToUtc(dateTime), WritePrecision.Milliseconds).ToLineProtocol();

        Assert.Equal(utc, local);
    }

    [Fact]
    public void DateTimeOffsetFormatting_Offset_IsUnixNanoseconds()
    {
        var point = H2oEurope.Field("level", 2).Timestamp(DateTimeOffset.FromUnixTimeSeconds(15678), WritePrecision.Nanoseconds);

        Assert.Equal(ClientPointDataVectors.Expected("DateTimeOffsetFormatting"), point.ToLineProtocol());
    }

    [Fact]
    public void InstantFormatting_FractionalSeconds_AreRoundedDown()
    {
        // NodaTime's 00:00:45.999999999 becomes the nearest DateTimeOffset, 45.9999999 s (100 ns ticks).
        var instant = DateTimeOffset.Parse("1970-01-01T00:00:45.9999999Z", System.Globalization.CultureInfo.InvariantCulture);

        var point = H2oEurope.Field("level", 2).Timestamp(instant, WritePrecision.Seconds);

        Assert.Equal(ClientPointDataVectors.Expected("InstantFormatting"), point.ToLineProtocol());
    }

    [Fact]
    public void DefaultTags_Settings_AddTagOnlyWhenGiven()
    {
        var point = H2oEurope.Field("level", 2);
        var defaults = new PointSettings().AddDefaultTag("expensive", "true");

        Assert.Equal(ClientPointDataVectors.Expected("DefaultTags", 0), point.ToLineProtocol(defaults));
        Assert.Equal(ClientPointDataVectors.Expected("DefaultTags", 1), point.ToLineProtocol());
    }

    [Fact]
    public void DefaultTagsOverride_EmptyOwnValue_FallsBackToDefault()
    {
        var point = H2oEurope.Tag("expensive", "").Field("level", 2);
        var defaults = new PointSettings().AddDefaultTag("expensive", "true");

        Assert.Equal(ClientPointDataVectors.Expected("DefaultTagsOverride"), point.ToLineProtocol(defaults));
    }

    [Fact]
    public void DefaultTagsOverrideNull_NullOwnValue_FallsBackToDefault()
    {
        var point = H2oEurope.Tag("expensive", null).Field("level", 2);
        var defaults = new PointSettings().AddDefaultTag("expensive", "true");

        Assert.Equal(ClientPointDataVectors.Expected("DefaultTagsOverrideNull"), point.ToLineProtocol(defaults));
    }

    [Fact]
    public void DefaultTagsNotOverride_OwnValue_WinsOverDefault()
    {
        var point = H2oEurope.Tag("expensive", "false").Field("level", 2);
        var defaults = new PointSettings().AddDefaultTag("expensive", "true");

        Assert.Equal(ClientPointDataVectors.Expected("DefaultTagsNotOverride"), point.ToLineProtocol(defaults));
    }

    [Fact]
    public void DefaultTagsSorted_DefaultsAroundOwnTags_AreMergedInOrder()
    {
        var point = H2oEurope.Field("level", 2);
        var defaults = new PointSettings().AddDefaultTag("a-expensive", "true").AddDefaultTag("z-expensive", "false");

        Assert.Equal(ClientPointDataVectors.Expected("DefaultTagsSorted"), point.ToLineProtocol(defaults));
    }

    [Fact]
    public void HasFields_TagsOnlyOrFields_ReportsFields()
    {
        Assert.False(PointData.Measurement("h2o").HasFields);
        Assert.False(H2oEurope.HasFields);
        Assert.True(PointData.Measurement("h2o").Field("level", "2").HasFields);
        Assert.True(H2oEurope.Field("level", "2").HasFields);
    }

    [Fact]
    public void InfinityValues_NonFiniteFloats_AreRefusedNamingTheField()
    {
        (string Key, Func<PointData> Add)[] cases =
        [
            ("double-infinity-positive", () => H2oEurope.Field("double-infinity-positive", double.PositiveInfinity)),
            ("double-infinity-negative", () => H2oEurope.Field("double-infinity-negative", double.NegativeInfinity)),
            ("double-nan", () => H2oEurope.Field("double-nan", double.NaN)),
            ("flout-infinity-positive", () => H2oEurope.Field("flout-infinity-positive", float.PositiveInfinity)),
            ("flout-infinity-negative", () => H2oEurope.Field("flout-infinity-negative", float.NegativeInfinity)),
            ("flout-nan", () => H2oEurope.Field("flout-nan", float.NaN)),
        ];
        foreach (var (key, add) in cases)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(add);
            Assert.Contains($"\"{key}\"", error.Message, StringComparison.Ordinal);
        }

        // What the client writes once it has dropped them.
        Assert.Equal(ClientPointDataVectors.Expected("InfinityValues"), H2oEurope.Field("level", 2).ToLineProtocol());
    }

    [Fact]
    public void OnlyInfinityValues_PointWithoutFields_IsRefusedInsteadOfEmptyLine()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => H2oEurope.Field("double-nan", double.NaN));

        var error = Assert.Throws<InvalidOperationException>(() => H2oEurope.ToLineProtocol());
        Assert.Contains("no fields", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, ClientPointDataVectors.Expected("OnlyInfinityValues"));
    }

    [Fact]
    public void UseGenericObjectAsFieldValue_ObjectToString_IsWrittenAsString()
    {
        var point = H2oEurope.Field("custom-object", new GenericObject("test", 10).ToString());

        Assert.Equal(ClientPointDataVectors.Expected("UseGenericObjectAsFieldValue"), point.ToLineProtocol());
    }

    private sealed record GenericObject(string Value1, int Value2)
    {
        public override string ToString() => $"{Value1}-{Value2}";
    }
}
