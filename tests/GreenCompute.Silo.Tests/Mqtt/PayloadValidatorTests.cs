using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Silo.Tests.Mqtt;

public class PayloadValidatorTests
{
    [Theory]
    [InlineData("gc/v1/nodes/n1/telemetry", TopicKind.Telemetry, "n1")]
    [InlineData("gc/v1/nodes/n-7/events", TopicKind.Events, "n-7")]
    [InlineData("gc/v1/nodes/n1/status", TopicKind.Status, "n1")]
    [InlineData("gc/v1/prices/DE", TopicKind.Prices, "DE")]
    [InlineData("gc/v1/weather/site-1", TopicKind.Weather, "site-1")]
    public void Topics_TryParse_RoundTripsTheBuiltTopics(string topic, TopicKind kind, string key)
    {
        Assert.True(Topics.TryParse(topic, out var parsed));
        Assert.Equal(new ParsedTopic(kind, key), parsed);
    }

    [Theory]
    [InlineData("gc/v1/nodes//telemetry")]
    [InlineData("gc/v1/nodes/n1/telemetry/extra")]
    [InlineData("gc/v1/nodes/n1/other")]
    [InlineData("gc/v2/prices/DE")]
    [InlineData("gc/v1/prices/DE/x")]
    public void Topics_TryParse_RefusesOtherTopics(string topic) => Assert.False(Topics.TryParse(topic, out _));

    [Fact]
    public void Topics_Build_RefusesWildcardKeys() =>
        Assert.Throws<ArgumentException>(() => Topics.Telemetry("+"));

    [Fact]
    public void TaskEvent_RoundTrip_KeepsEveryField()
    {
        var e = new TaskEvent("job-1/0", "n1", TaskEventKind.Checkpointed, new Core.Units.CoreSeconds(120), Grains.SiloFixture.Start, "ok");
        var json = PayloadCodec.Write(PayloadMapper.ToPayload(e), PayloadJsonContext.Default.TaskEventPayload);

        Assert.True(PayloadCodec.TryRead(json, PayloadJsonContext.Default.TaskEventPayload, out var payload, out _));
        Assert.Contains("\"kind\":\"checkpointed\"", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Equal(e, PayloadValidator.TaskEvent(payload, "n1").Value);
    }

    [Theory]
    [InlineData("{\"v\":1,\"nodeId\":\"n1\",\"taskId\":\"t\",\"kind\":\"7\",\"doneCoreSeconds\":1,\"at\":\"2026-01-05T00:00:00Z\"}", "kind")]
    [InlineData("{\"v\":1,\"nodeId\":\"n1\",\"taskId\":\"t\",\"kind\":\"exploded\",\"doneCoreSeconds\":1,\"at\":\"2026-01-05T00:00:00Z\"}", "kind")]
    [InlineData("{\"v\":1,\"nodeId\":\"n1\",\"kind\":\"completed\",\"doneCoreSeconds\":1,\"at\":\"2026-01-05T00:00:00Z\"}", "taskId")]
    [InlineData("{\"nodeId\":\"n1\",\"taskId\":\"t\",\"kind\":\"completed\",\"doneCoreSeconds\":1,\"at\":\"2026-01-05T00:00:00Z\"}", "v=0")]
    [InlineData("{\"v\":1,\"nodeId\":\"n1\",\"taskId\":\"t\",\"kind\":\"completed\",\"doneCoreSeconds\":-1,\"at\":\"2026-01-05T00:00:00Z\"}", "doneCoreSeconds")]
    public void TaskEvent_Bad_IsRefusedNamingTheField(string json, string named)
    {
        Assert.True(PayloadCodec.TryRead(System.Text.Encoding.UTF8.GetBytes(json), PayloadJsonContext.Default.TaskEventPayload, out var payload, out _));

        var result = PayloadValidator.TaskEvent(payload, "n1");

        Assert.False(result.IsValid);
        Assert.Contains(named, result.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codec_WrongJsonType_IsMalformed()
    {
        Assert.False(PayloadCodec.TryRead("{\"v\":\"one\"}"u8, PayloadJsonContext.Default.TelemetryPayload, out _, out var rejection));
        Assert.Equal(PayloadRejection.MalformedJson, rejection!.Code);
    }
}
