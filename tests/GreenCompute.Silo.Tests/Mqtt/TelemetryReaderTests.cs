using System.Text;
using GreenCompute.Grains.Messaging;

namespace GreenCompute.Silo.Tests.Mqtt;

/// <summary>
/// The ingest's fast telemetry reader must give exactly what the serializer gives: the same payload for every input it
/// takes, and for everything else the serializer's own result and rejection (it hands those over).
/// </summary>
public class TelemetryReaderTests
{
    private const string Plain =
        "{\"v\":1,\"nodeId\":\"n1\",\"time\":\"2026-11-22T04:50:00.1234567+00:00\",\"seq\":12,\"roomCelsius\":20.5,\"powerWatts\":540,\"energyWh\":18,\"cpu\":0.5,\"runningTasks\":[]}";

    public static TheoryData<string> Taken => new()
    {
        Plain,
        // Fields in another order, every optional field, unknown fields of every shape skipped, whitespace around.
        " { \"cpu\":1, \"seq\":1, \"extra\":{\"a\":[1,{\"b\":null}]}, \"state\":\"paused\", \"v\":1, \"nodeId\":\"n1\", \"time\":\"2026-11-22T04:50:00Z\", \"roomCelsius\":-3.25e1, \"bandMinCelsius\":19, \"bandMaxCelsius\":22.5, \"powerWatts\":0, \"energyWh\":1e3, \"runningTasks\":[\"job-1/0\",\"t\\u00e9\"], \"more\":\"x\" } \n",
        // Nulls for the nullable fields (the validator then names them), a wrong schema version, a negative sequence.
        "{\"v\":1,\"nodeId\":null,\"time\":null,\"seq\":null,\"roomCelsius\":null,\"powerWatts\":null,\"energyWh\":null,\"cpu\":null,\"runningTasks\":null,\"state\":null}",
        "{\"v\":2,\"nodeId\":\"n1\",\"time\":\"2026-11-22T04:50:00+01:00\",\"seq\":-4,\"roomCelsius\":500,\"powerWatts\":540,\"energyWh\":18,\"cpu\":0.5}",
        // Field names are case-sensitive, as for the serializer: "NodeId" is an unknown field.
        "{\"v\":1,\"NodeId\":\"n1\",\"nodeId\":\"n2\",\"time\":\"2026-11-22T04:50:00Z\",\"seq\":1,\"roomCelsius\":1,\"powerWatts\":1,\"energyWh\":1,\"cpu\":0}",
    };

    public static TheoryData<string> HandedOver => new()
    {
        // Not JSON, not an object, trailing data, comments: rejected by the serializer, with its message.
        "",
        "not json",
        "[1,2]",
        "null",
        Plain + " {}",
        Plain[..^1] + ",}",
        "{\"v\":1 /* c */}",
        // Types the serializer refuses or converts its own way: numbers as strings, fractions for integers, bad times.
        "{\"v\":\"1\",\"nodeId\":\"n1\"}",
        "{\"v\":1.5,\"nodeId\":\"n1\"}",
        "{\"v\":1,\"seq\":\"12\"}",
        "{\"v\":1,\"seq\":1.5}",
        "{\"v\":1,\"time\":\"yesterday\"}",
        "{\"v\":1,\"time\":12}",
        "{\"v\":1,\"roomCelsius\":\"20\"}",
        "{\"v\":1,\"nodeId\":5}",
        "{\"v\":1,\"runningTasks\":[null]}",
        "{\"v\":1,\"runningTasks\":[1]}",
        "{\"v\":1,\"runningTasks\":\"t\"}",
        "{\"v\":null}",
        // Shapes it leaves to the serializer's rules: a missing "v", duplicates, escaped names.
        "{\"nodeId\":\"n1\",\"seq\":1}",
        "{\"v\":1,\"seq\":1,\"seq\":2}",
        "{\"v\":1,\"node\\u0049d\":\"n1\"}",
    };

    [Theory]
    [MemberData(nameof(Taken))]
    public void TryReadTelemetry_PlainInput_GivesTheSerializersPayload(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.True(TelemetryReader.TryRead(utf8, out var fast));
        AssertSameAsSerializer(utf8, fast, rejection: null);
    }

    [Theory]
    [MemberData(nameof(HandedOver))]
    public void TryReadTelemetry_OtherInput_IsHandedToTheSerializer(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.False(TelemetryReader.TryRead(utf8, out var fast));
        Assert.Null(fast);
        var read = PayloadCodec.TryReadTelemetry(utf8, out var payload, out var rejection);
        Assert.Equal(read, payload is not null);
        AssertSameAsSerializer(utf8, payload, rejection);
    }

    [Fact]
    public void TryReadTelemetry_OverTheSizeLimit_IsRefusedAsBefore()
    {
        var utf8 = Encoding.UTF8.GetBytes(Plain[..^1] + ",\"pad\":\"" + new string('x', PayloadCodec.MaxBytes) + "\"}");

        Assert.False(PayloadCodec.TryReadTelemetry(utf8, out _, out var rejection));
        Assert.Equal(PayloadRejection.OutOfRange, rejection!.Code);
    }

    [Fact]
    public void TryReadTelemetry_PlainInput_ValidatesLikeTheSerializersPayload()
    {
        var utf8 = Encoding.UTF8.GetBytes(Plain);

        Assert.True(PayloadCodec.TryReadTelemetry(utf8, out var payload, out _));
        var telemetry = PayloadValidator.Telemetry(payload, "n1");

        Assert.True(telemetry.IsValid, telemetry.Rejection?.Message);
        Assert.Equal(12, telemetry.Value!.Sequence);
        Assert.Equal(18, telemetry.Value.EnergyCounter.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 4, 50, 0, TimeSpan.Zero).AddTicks(1_234_567), telemetry.Value.Time);
    }

    private static void AssertSameAsSerializer(byte[] utf8, TelemetryPayload? actual, PayloadRejection? rejection)
    {
        var read = PayloadCodec.TryRead(utf8, PayloadJsonContext.Default.TelemetryPayload, out var expected, out var expectedRejection);
        Assert.Equal(read, actual is not null);
        Assert.Equal(expectedRejection, rejection);
        if (expected is null || actual is null)
        {
            return;
        }

        // Records compare lists by reference: compare the list by content, the rest as records.
        Assert.Equal(expected.RunningTasks, actual.RunningTasks);
        Assert.Equal(expected with { RunningTasks = null }, actual with { RunningTasks = null });
    }
}
