using GreenCompute.Actors;
using GreenCompute.Mqtt.Tests.Fixtures;
using GreenCompute.Silo.Configuration;
using GreenCompute.Silo.Mqtt;
using GreenCompute.Silo.Reporting;
using GreenCompute.Silo.Simulation;

namespace GreenCompute.Silo.Tests.EndToEnd;

/// <summary>
/// The main run over MQTT (embedded broker, and a real Mosquitto) against the direct in-process path on the same
/// short simulated day: the agents' messages go through a broker, yet the silo must reach the same results.
/// </summary>
public class MqttRunTests
{
    // Heavy enough that tasks start, checkpoint, pause and complete (commands and events both ways), small enough to be quick.
    private static readonly SiloOptions Day = new()
    {
        Days = 0.5, Speed = 0, TargetLoad = 0.6, Live = false, NoChain = true, Buildings = 1, RoomsPerBuilding = 4,
    };

    [Fact]
    public async Task ShortDay_EmbeddedBrokerAndInProcess_SameResults()
    {
        var direct = await RunAsync(Day with { InProcess = true });
        var mqtt = await RunAsync(Day);

        Assert.Equal("in-process", direct.Path);
        Assert.StartsWith("Agents: MQTT over loopback through the embedded broker", mqtt.Path, StringComparison.Ordinal);
        AssertSameResults(direct.Summary, mqtt.Summary);
        // Every telemetry report (4 rooms × 720 steps), status, event and feed went through the ingest, none refused.
        Assert.True(mqtt.Applied >= 4 * 720 + 4, $"the ingest applied only {mqtt.Applied} messages");
        Assert.Equal(0, mqtt.Rejected);
        Assert.True(mqtt.CommandsDelivered > 0, "no command reached a device over MQTT");
        // The devices' signed receipts went over MQTT too (events topics) and the ledger credited the same ones.
        Assert.True(direct.ReceiptsAccepted > 4 * 24, $"the ledger accepted only {direct.ReceiptsAccepted} receipts");
        Assert.Equal(direct.ReceiptsAccepted, mqtt.ReceiptsAccepted);
        Assert.Equal(0, mqtt.ReceiptsRejected);
    }

    [Fact]
    public async Task ShortDay_AgainstMosquittoWithDeviceAcl_SameResultsAsInProcess()
    {
        // Each device may use only gc/v1/nodes/{its user name}/…; the silo and the feeder use every topic.
        await using var mosquitto = await MosquittoServer.StartAsync(extraConfig: "acl_file " + await WriteAclAsync());
        var direct = await RunAsync(Day with { InProcess = true });
        var mqtt = await RunAsync(Day with { BrokerUrl = new Uri($"mqtt://127.0.0.1:{mosquitto.Port}") });

        Assert.Equal($"Agents: MQTT through the external broker at 127.0.0.1:{mosquitto.Port}.", mqtt.Path);
        AssertSameResults(direct.Summary, mqtt.Summary);
        Assert.Equal(0, mqtt.Rejected);
        Assert.True(mqtt.CommandsDelivered > 0, "no command reached a device through Mosquitto");
    }

    private static void AssertSameResults(FleetSummary expected, FleetSummary actual)
    {
        Assert.True(expected.TasksDone > 0, "the day must complete tasks, or the comparison proves little");
        Assert.Equal(expected.Elapsed, actual.Elapsed);
        Assert.Equal(expected.JobsSubmitted, actual.JobsSubmitted);
        Assert.Equal(expected.TasksDone, actual.TasksDone);
        Assert.Equal(expected.TasksWaiting, actual.TasksWaiting);
        Assert.Equal(expected.TasksRunning, actual.TasksRunning);
        Assert.Equal(expected.DeadlinesMissed, actual.DeadlinesMissed);
        Assert.Equal(expected.RoomsInBand, actual.RoomsInBand);
        Assert.Equal(expected.Energy.Value, actual.Energy.Value, 6);
        Assert.Equal(expected.UsefulHeat.Value, actual.UsefulHeat.Value, 6);
        Assert.Equal(expected.Cost.Value, actual.Cost.Value, 6);
        Assert.Equal(expected.ComfortViolation.Value, actual.ComfortViolation.Value, 6);
        Assert.Equal(expected.Work.Value, actual.Work.Value, 3);
        Assert.Equal(SummaryText.Line(expected), SummaryText.Line(actual));
    }

    private static async Task<RunResult> RunAsync(SiloOptions options)
    {
        var errors = new List<GrainHostError>();
        await using var silo = await SimulatedSilo.CreateAsync(options, new InMemoryGrainStorage(), e => { lock (errors) { errors.Add(e); } });
        var runner = new SimulationRunner(silo);
        var summary = await runner.RunAsync();
        Assert.Empty(errors);
        Assert.Equal(0, runner.TelemetryRejected);
        Assert.Equal(0, silo.Agents.RejectedCommands);
        Assert.Equal(0, silo.Devices.Rejected);
        var ledger = await silo.LedgerGrain.GetStatus();
        if (silo.Link is MqttFleetLink mqtt)
        {
            Assert.Equal(0, mqtt.CommandsFailed);
            Assert.Equal(0, mqtt.Devices.Rejected);
            return new RunResult(summary, silo.Link.Description, mqtt.Ingest.Applied, mqtt.Ingest.Rejected, mqtt.Devices.Arrived, ledger.Accepted, ledger.Rejected);
        }

        return new RunResult(summary, "in-process", 0, 0, 0, ledger.Accepted, ledger.Rejected);
    }

    private static async Task<string> WriteAclAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("gc-acl-").FullName, "acl");
        await File.WriteAllLinesAsync(file,
        [
            $"user {FleetCredentials.SiloUser}", "topic readwrite #",
            $"user {FleetCredentials.FeederUser}", "topic readwrite #",
            "pattern readwrite gc/v1/nodes/%u/#",
        ]);
        return file;
    }

    private sealed record RunResult(
        FleetSummary Summary, string Path, long Applied, long Rejected, long CommandsDelivered, long ReceiptsAccepted, long ReceiptsRejected);
}
