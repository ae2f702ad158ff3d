using System.Diagnostics;
using GreenCompute.Core.Time;
using GreenCompute.EdgeAgent.Power;
using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Power;

/// <summary>
/// The power cap on this machine: cgroup v2 has no cpu controller here (hybrid hierarchy, only hugetlb), so the agent
/// falls back to SIGSTOP/SIGCONT duty cycling, exercised on a real process and the manual clock. cpu.max is written to
/// a fake cgroup folder (the file protocol only; the kernel's enforcement cannot be exercised here).
/// </summary>
public sealed class PowerLimiterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task DutyCycle_HalfShare_StopsAndContinuesTheProcessOnTheClock()
    {
        var time = new ManualTimeProvider();
        using var sleeper = Process.Start("/bin/sleep", "300");
        try
        {
            using var limiter = new DutyCycleLimiter(time, TimeSpan.FromSeconds(1));
            limiter.Add(sleeper.Id);
            limiter.SetShare(0.25);
            Assert.False(limiter.IsStopped);

            time.Advance(TimeSpan.FromMilliseconds(250));
            Assert.True(limiter.IsStopped);
            await Within.Until(() => State(sleeper.Id) == 'T', "SIGSTOP after the running quarter");

            time.Advance(TimeSpan.FromMilliseconds(750));
            Assert.False(limiter.IsStopped);
            await Within.Until(() => State(sleeper.Id) != 'T', "SIGCONT after the stopped three quarters");

            limiter.SetShare(0);
            await Within.Until(() => State(sleeper.Id) == 'T', "share 0 keeps it stopped");
            time.Advance(TimeSpan.FromSeconds(10));
            Assert.True(limiter.IsStopped);
            limiter.SetShare(1);
            await Within.Until(() => State(sleeper.Id) != 'T', "share 1 lets it run");
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Fact]
    public void CgroupV2_WritesCpuMaxAndProcs_InAFakeHierarchy()
    {
        var root = _temp.Sub("cg");
        File.WriteAllText(Path.Combine(root, "cgroup.controllers"), "cpuset cpu io memory pids\n");
        File.WriteAllText(Path.Combine(root, "cgroup.subtree_control"), "");
        // The kernel creates cpu.max in a new cgroup; the fake hierarchy has it already.
        _temp.Write("cg/agent/cpu.max", "max 100000\n");

        var limiter = CgroupCpuMaxLimiter.TryCreate(root, "agent", out var reason)!;
        Assert.Equal("", reason);
        Assert.Equal("+cpu", File.ReadAllText(Path.Combine(root, "cgroup.subtree_control")));
        limiter.SetShare(0.5);
        Assert.Equal($"{Environment.ProcessorCount * 50_000} 100000", File.ReadAllText(Path.Combine(root, "agent", "cpu.max")));
        limiter.SetShare(1);
        Assert.Equal("max 100000", File.ReadAllText(Path.Combine(root, "agent", "cpu.max")));
        limiter.Add(4242);
        Assert.Equal("4242", File.ReadAllText(Path.Combine(root, "agent", "cgroup.procs")));
    }

    [Fact]
    public void CgroupV2_WithoutCpuController_IsRefusedWithTheReason()
    {
        var root = _temp.Sub("hybrid");
        File.WriteAllText(Path.Combine(root, "cgroup.controllers"), "hugetlb\n");
        Assert.Null(CgroupCpuMaxLimiter.TryCreate(root, "agent", out var reason));
        Assert.Equal($"no cgroup v2 cpu controller at {root}", reason);
    }

    private static char State(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }
}
