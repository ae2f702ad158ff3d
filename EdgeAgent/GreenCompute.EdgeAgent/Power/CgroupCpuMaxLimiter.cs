using System.Globalization;

namespace GreenCompute.EdgeAgent.Power;

/// <summary>
/// cgroup v2: the task processes live in their own cgroup whose <c>cpu.max</c> is "quota period" with
/// quota = share × CPUs × period (or "max"). <see cref="TryCreate"/> returns null when the hierarchy has no cpu
/// controller or is not writable, and the agent falls back to <see cref="DutyCycleLimiter"/>.
/// </summary>
internal sealed class CgroupCpuMaxLimiter(string folder, int cpus) : IPowerLimiter
{
    private const int PeriodMicroseconds = 100_000;
    private double _share = 1;

    public string Folder => folder;

    public string Name => $"cgroup v2 cpu.max ({folder})";

    public double Share => _share;

    /// <summary>A new child cgroup of <paramref name="parent"/> (a cgroup2 folder) with cpu enabled, or null with the reason.</summary>
    public static CgroupCpuMaxLimiter? TryCreate(string parent, string name, out string reason)
    {
        reason = "";
        try
        {
            var controllers = Path.Combine(parent, "cgroup.controllers");
            if (!File.Exists(controllers) || !File.ReadAllText(controllers).Split(' ', '\n').Contains("cpu"))
            {
                reason = $"no cgroup v2 cpu controller at {parent}";
                return null;
            }

            var subtree = File.ReadAllText(Path.Combine(parent, "cgroup.subtree_control"));
            if (!subtree.Split(' ', '\n').Contains("cpu"))
            {
                File.WriteAllText(Path.Combine(parent, "cgroup.subtree_control"), "+cpu");
            }

            var folder = Path.Combine(parent, name);
            Directory.CreateDirectory(folder);
            if (!File.Exists(Path.Combine(folder, "cpu.max")))
            {
                reason = $"{folder} has no cpu.max";
                return null;
            }

            var limiter = new CgroupCpuMaxLimiter(folder, Environment.ProcessorCount);
            limiter.SetShare(1);
            return limiter;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            reason = $"cgroup v2 at {parent} not writable: {error.Message}";
            return null;
        }
    }

    public void SetShare(double share)
    {
        _share = Math.Clamp(share, 0, 1);
        // The kernel's minimum quota is 1 ms; a share of 0 still lets the tasks crawl, which is as low as cpu.max goes.
        var quota = Math.Max(1000, (long)(_share * cpus * PeriodMicroseconds));
        File.WriteAllText(Path.Combine(folder, "cpu.max"),
            _share >= 1 ? $"max {PeriodMicroseconds}" : string.Create(CultureInfo.InvariantCulture, $"{quota} {PeriodMicroseconds}"));
    }

    public void Add(int processId) =>
        File.WriteAllText(Path.Combine(folder, "cgroup.procs"), processId.ToString(CultureInfo.InvariantCulture));

    public void Remove(int processId)
    {
        // An exited process leaves its cgroup by itself.
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder);
        }
        catch (IOException)
        {
            // Still has processes (a killed agent's children): left for the next start to reuse.
            return;
        }
    }
}
