namespace GreenCompute.SchedulingBench.Report;

/// <summary>One chart per scenario zone: the 60 % load, s = 3 configuration when it ran, else the first one.</summary>
internal static class ChartSelection
{
    public static IEnumerable<ConfigResult> Pick(IReadOnlyList<ConfigResult> results) =>
        results
            .GroupBy(r => r.Zone)
            .Select(g => g.FirstOrDefault(r => Math.Abs(r.Load - 0.6) < 1e-9 && Math.Abs(r.Slack - 3) < 1e-9) ?? g.First());
}
