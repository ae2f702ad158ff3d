using GreenCompute.Core.Units;
using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Agent;

/// <summary>
/// The on-device comfort guard with the simulated room (starts at 25 °C, 5 °C outdoors; the fixture's command band is
/// 20–23 °C): above the band maximum the agent stops its task processes and says why; it lets them go once the room is
/// back in the band. Manual clock, real child process.
/// </summary>
public sealed class ComfortGuardTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task RoomAboveBandMax_TasksStoppedWithTheReason_ReleasedWhenBackInBand()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var options = AgentFixture.Options(_state.Path) with { InitialRoomTemperature = new Celsius(25) };
        await using var agent = await AgentFixture.StartAsync(broker.Port, options);
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/warm", "cpu-burn", 1000)]));
        await WaitForDetailAsync(agent, "started");
        var pid = Assert.Single(agent.Agent.Tasks.ProcessIds);

        // The next telemetry tick reads 25 °C > 23 °C.
        agent.Time.Advance(TimeSpan.FromSeconds(10));
        await WaitForDetailAsync(agent, "held: room");
        await agent.Seen.WaitAsync(m => TelemetryTests.Telemetry(m).Any(t => t.State == "comfortGuard"), "telemetry saying the guard holds");
        Assert.Equal(0, agent.Agent.Limiter.Share);
        Assert.Contains("above the band maximum 23.00 °C", agent.Agent.Commands.GuardReason, StringComparison.Ordinal);
        await Within.Until(() => ProcessState(pid) == 'T', "the task process to be stopped (SIGSTOP)");

        // Held, the heater draws idle power only and the room cools.
        var before = TelemetryTests.Telemetry(agent.Seen.Messages).Count;
        agent.Time.Advance(TimeSpan.FromMinutes(10));
        await agent.Seen.WaitAsync(m => TelemetryTests.Telemetry(m).Count > before, "a telemetry report while held");
        var reports = TelemetryTests.Telemetry(agent.Seen.Messages);
        Assert.True(reports[^1].RoomCelsius < reports[before - 1].RoomCelsius, "the room did not cool while the guard held");
        Assert.Equal(80, reports[^1].PowerWatts!.Value, 6);

        // A new command with a wider band: the guard still holds until it looks again, then lets the task go on.
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Agent.Commands.Handled += _ => handled.TrySetResult();
        await agent.SendAsync(AgentFixture.Command() with { BandMaxCelsius = 27 });
        await Within.Async(handled.Task, "the wider band's command to be handled");
        Assert.Equal(0, agent.Agent.Limiter.Share);
        agent.Time.Advance(TimeSpan.FromSeconds(10));
        await WaitForDetailAsync(agent, "released: room");
        Assert.Null(agent.Agent.Commands.GuardReason);
        Assert.Equal(1, agent.Agent.Limiter.Share);
        await Within.Until(() => ProcessState(pid) != 'T', "the task process to run again (SIGCONT)");
    }

    private static Task WaitForDetailAsync(AgentFixture agent, string detailStart) =>
        agent.Seen.WaitAsync(_ => agent.TaskEvents().Any(e => e.TaskId == "job-1/warm" && e.Detail?.StartsWith(detailStart, StringComparison.Ordinal) == true),
            $"a task event '{detailStart}…'");

    private static char ProcessState(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }
}
