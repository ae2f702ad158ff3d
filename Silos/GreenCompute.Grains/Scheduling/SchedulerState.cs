using GreenCompute.Grains.Sites;

namespace GreenCompute.Grains.Scheduling;

/// <summary>The scheduler grain's persisted state.</summary>
public sealed class SchedulerState
{
    public List<SiteRegistration> Sites { get; set; } = [];

    public Dictionary<string, PriceCurve> Prices { get; set; } = [];

    public Dictionary<string, OutdoorForecast> Weather { get; set; } = [];

    public List<JobRecord> Jobs { get; set; } = [];

    /// <summary>When each node last switched between computing and not (for the assigner's dwell times).</summary>
    public Dictionary<string, DateTimeOffset> NodeSwitchedAt { get; set; } = [];

    public HashSet<string> ComputingNodes { get; set; } = [];

    public int Rounds { get; set; }

    public int JobsRejected { get; set; }

    public int TasksLateCompleted { get; set; }

    public List<string> RecentReasons { get; set; } = [];
}
