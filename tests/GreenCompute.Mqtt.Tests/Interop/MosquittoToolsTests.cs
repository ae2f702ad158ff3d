using System.Globalization;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Interop;

/// <summary>The embedded broker serving the real mosquitto_pub and mosquitto_sub processes.</summary>
public sealed class MosquittoToolsTests
{
    private const string Pub = "/usr/bin/mosquitto_pub";
    private const string Sub = "/usr/bin/mosquitto_sub";
    private const string Format = "MSG|%t|%q|%r|%p";

    public static TheoryData<string, int> VersionsAndQoS()
    {
        var data = new TheoryData<string, int>();
        foreach (var version in new[] { "mqttv311", "mqttv5" })
        {
            for (var qos = 0; qos <= 2; qos++)
            {
                data.Add(version, qos);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VersionsAndQoS))]
    public async Task PubToSub_EachQoS_ThroughTheEmbeddedBroker(string version, int qos)
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var q = qos.ToString(CultureInfo.InvariantCulture);
        await using var sub = ToolProcess.Start(Sub, [.. Common(broker.Port, version), "-d", "-q", q, "-t", "gc/tools/#", "-C", "1", "-F", Format]);
        await sub.WaitForLineAsync(l => l.Contains("received SUBACK", StringComparison.Ordinal), "mosquitto_sub's SUBACK");

        await using var pub = ToolProcess.Start(Pub, [.. Common(broker.Port, version), "-q", q, "-t", "gc/tools/x", "-m", $"hello {qos}"]);

        Assert.Equal(0, await pub.WaitForExitAsync("mosquitto_pub to finish"));
        Assert.Equal(0, await sub.WaitForExitAsync("mosquitto_sub to exit after one message"));
        Assert.Contains($"MSG|gc/tools/x|{qos}|0|hello {qos}", sub.Lines);
    }

    [Theory]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task Retained_PublishedByPub_DeliveredToALaterSubWithRetainFlag(string version)
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var pub = ToolProcess.Start(Pub, [.. Common(broker.Port, version), "-q", "1", "-r", "-t", "gc/tools/retained", "-m", "kept"]);
        Assert.Equal(0, await pub.WaitForExitAsync("mosquitto_pub to finish"));

        await using var sub = ToolProcess.Start(Sub, [.. Common(broker.Port, version), "-q", "1", "-t", "gc/tools/#", "-C", "1", "-F", Format]);

        Assert.Equal(0, await sub.WaitForExitAsync("mosquitto_sub to get the retained message"));
        Assert.Contains("MSG|gc/tools/retained|1|1|kept", sub.Lines);
    }

    [Theory]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task Will_SubKilledHard_WillPublishedToOurClient(string version)
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var wills = new MessageCollector();
        await using var watcher = await Clients.ConnectAsync(Clients.Options(broker.Port, "watcher"), wills);
        await watcher.SubscribeAsync("gc/will/#", MqttQualityOfService.AtLeastOnce);
        await using var doomed = ToolProcess.Start(Sub,
            [.. Common(broker.Port, version), "-d", "-t", "gc/nothing", "--will-topic", "gc/will/tool", "--will-payload", "tool died", "--will-qos", "1"]);
        await doomed.WaitForLineAsync(l => l.Contains("received SUBACK", StringComparison.Ordinal), "mosquitto_sub's SUBACK");

        await doomed.KillAsync();

        await wills.WaitForAsync(1, "the will of the killed mosquitto_sub");
        Assert.Equal("tool died", wills.Payloads[0]);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, wills.Messages[0].QualityOfService);
    }

    private static string[] Common(int port, string version) =>
        ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-V", version];
}
