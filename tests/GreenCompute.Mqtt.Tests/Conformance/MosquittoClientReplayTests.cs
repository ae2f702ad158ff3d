using GreenCompute.Mqtt.Tests.Conformance.Replay;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Conformance;

/// <summary>
/// The 49 client scenarios of mosquitto's test/lib (vectors/mqtt/mosquitto_lib_client_scenarios.json) replayed against
/// our client by a byte-exact fake broker. Not replayed: the two *-timeout scenarios (they expect a resend on a live
/// connection after a retry timeout, which MQTT 5 forbids: resends happen only on reconnection, 4.4), the five 08-ssl-*
/// and 09-util-* ones (no packets without their certificates and C helpers), and the three *-len ones (the extraction
/// kept only the last packet of their loops, no CONNECT). Of the 38 replayed, 34 must match byte for byte and 4 differ
/// on purpose (see each KnownDivergence).
/// </summary>
public sealed class MosquittoClientReplayTests
{
    private static readonly Dictionary<string, ScenarioProgram> Programs =
        ConnectScenarios.All().Concat(PublishScenarios.All()).Concat(RequestResponseScenarios.All()).ToDictionary(p => p.File);

    private static readonly string[] NotReplayable =
    [
        "test/lib/03-publish-c2b-qos1-timeout.py", "test/lib/03-publish-c2b-qos2-timeout.py",
        "test/lib/08-ssl-bad-cacert.py", "test/lib/08-ssl-connect-cert-auth-enc.py", "test/lib/08-ssl-connect-cert-auth.py",
        "test/lib/08-ssl-connect-no-auth.py", "test/lib/08-ssl-fake-cacert.py", "test/lib/09-util-topic-tokenise.py",
        "test/lib/03-publish-b2c-qos2-len.py", "test/lib/03-publish-c2b-qos1-len.py", "test/lib/03-publish-c2b-qos2-len.py",
    ];

    public static TheoryData<string> Matching => [.. Programs.Values.Where(p => p.KnownDivergence is null).Select(p => p.File).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Diverging => [.. Programs.Values.Where(p => p.KnownDivergence is not null).Select(p => p.File)];

    [Fact]
    public void Inventory_EveryScenarioIsReplayedOrExplained()
    {
        using var json = SharedVectors.LoadJson("mqtt/mosquitto_lib_client_scenarios.json");
        var files = json.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("file").GetString()!).ToList();

        Assert.Equal(49, files.Count);
        Assert.Equal(files.Order(StringComparer.Ordinal), Programs.Keys.Concat(NotReplayable).Order(StringComparer.Ordinal));
        Assert.Equal((34, 4), (Matching.Count, Diverging.Count));
    }

    [Theory]
    [MemberData(nameof(Matching))]
    public async Task Scenario_ReplayedByteForByte_ClientSendsExactlyTheExpectedBytes(string file)
    {
        var divergence = await ReplayAsync(file);

        Assert.True(divergence is null, $"{file}: {divergence}");
    }

    [Theory]
    [MemberData(nameof(Diverging))]
    public async Task Scenario_DeliberateDivergence_DiffersWhereDocumented(string file)
    {
        var divergence = await ReplayAsync(file);

        Assert.True(divergence is not null, $"{file} now matches libmosquitto; its documented divergence is stale: {Programs[file].KnownDivergence}");
    }

    private static async Task<string?> ReplayAsync(string file)
    {
        using var json = SharedVectors.LoadJson("mqtt/mosquitto_lib_client_scenarios.json");
        var scenario = json.RootElement.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("file").GetString() == file);
        return await ScenarioRunner.RunAsync(scenario.Clone(), Programs[file]);
    }
}
