using GreenCompute.Core.Time;
using GreenCompute.EdgeAgent.Power;
using GreenCompute.EdgeAgent.Sandbox;
using GreenCompute.EdgeAgent.Tasks;
using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Grains.Messaging;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Sandbox;

/// <summary>
/// Command workloads under the sandbox policy on this machine (root, util-linux setpriv/unshare/prlimit): own user, no
/// network, CPU and memory limits, own folder — and clear refusals when the policy cannot be enforced or the name is not allowed.
/// </summary>
public sealed class SandboxTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task CommandWorkload_RunsAsNobody_WithoutNetwork_WithLimits_InItsFolder()
    {
        Assert.True(SandboxProbe.IsRoot(), "this test needs root (CI and dev machines run as root)");
        var policy = new SandboxPolicy { MemoryBytes = 256L << 20, CpuSeconds = 30, MaxProcesses = 32 };
        Assert.Empty(SandboxProbe.Problems(policy, isRoot: true));
        // The script reports who it is, which network interfaces it sees, and its limits, into its output file.
        var script = "id -u > output; id -g >> output; tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' >> output; "
            + "ulimit -v >> output; ulimit -t >> output; pwd >> output; echo done";
        var (events, folder) = await RunAsync(policy, [new AllowedCommand("probe", "/bin/sh", ["-c", script])], "cmd:probe");

        var completed = Assert.Single(events, e => e.Kind == "completed");
        var lines = File.ReadAllLines(Path.Combine(folder, "output"));
        Assert.Equal(["65534", "65534", "lo", (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), "30", folder], lines);
        Assert.NotNull(completed.OutputHash);
    }

    [Fact]
    public async Task MissingTool_RefusesClearly_StartsNothing()
    {
        var policy = new SandboxPolicy { Setpriv = "/nonexistent/setpriv" };
        var problems = SandboxProbe.Problems(policy, isRoot: true);
        Assert.Contains(problems, p => p.Contains("/nonexistent/setpriv is missing (own user)", StringComparison.Ordinal));
        var (events, folder) = await RunAsync(policy, [new AllowedCommand("x", "/bin/true", [])], "cmd:x");

        var failed = Assert.Single(events);
        Assert.Equal("failed", failed.Kind);
        Assert.StartsWith("sandbox policy cannot be enforced here: /nonexistent/setpriv is missing", failed.Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void NotRoot_IsAProblem()
    {
        Assert.Contains(SandboxProbe.Problems(new SandboxPolicy(), isRoot: false), p => p.Contains("need root", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NameNotAllowed_IsRefused()
    {
        var (events, _) = await RunAsync(new SandboxPolicy(), [new AllowedCommand("ok", "/bin/true", [])], "cmd:rm-rf");
        var failed = Assert.Single(events);
        Assert.Equal("failed", failed.Kind);
        Assert.Equal("command workload 'rm-rf' is not allowed on this heater (allowed: ok)", failed.Detail);
    }

    [Fact]
    public void AllowOption_NeedsAnAbsoluteProgram()
    {
        var parsed = AllowedCommand.Parse("render=/usr/bin/blender -b scene");
        Assert.Equal(("render", "/usr/bin/blender"), (parsed.Name, parsed.Executable));
        Assert.Equal(["-b", "scene"], parsed.Arguments);
        Assert.Throws<ArgumentException>(() => AllowedCommand.Parse("render=blender"));
        Assert.Throws<ArgumentException>(() => AllowedCommand.Parse("render"));
    }

    private async Task<(List<TaskEventPayload> Events, string Folder)> RunAsync(SandboxPolicy policy, AllowedCommand[] allowed, string workload)
    {
        var time = new ManualTimeProvider();
        var database = new EdgeAgent.State.AgentDatabase(Path.Combine(_state.Path, "agent.db"));
        var outbox = new EdgeAgent.Outbox.EventOutbox(database);
        var events = new TaskEvents("n", outbox, time, new TestLogger());
        var seen = new List<TaskEventPayload>();
        events.Added += seen.Add;
        using var limiter = new DutyCycleLimiter(time);
        var supervisor = new TaskSupervisor(new TaskTable(database), events,
            [new KernelLauncher(), new SandboxLauncher(policy, allowed, SandboxProbe.Problems(policy, SandboxProbe.IsRoot()))],
            limiter, Path.Combine(_state.Path, "tasks"), time);
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        supervisor.Settled += (_, _) => settled.TrySetResult();
        await supervisor.StartOrResumeAsync(new Grains.Nodes.TaskStart("t1", "j1", workload, Core.Units.CoreSeconds.Zero, new Core.Units.CoreSeconds(5), 1,
            TimeSpan.FromMinutes(1)), CancellationToken.None);
        await Within.Async(settled.Task, "the task to settle", TimeSpan.FromSeconds(30));
        var folder = Directory.GetDirectories(Path.Combine(_state.Path, "tasks")).Single();
        return (seen.Where(e => !(e.Kind == "progress" && e.Detail == "started")).ToList(), folder);
    }
}
