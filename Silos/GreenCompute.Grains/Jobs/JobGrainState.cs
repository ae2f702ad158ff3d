using GreenCompute.Core.Work;

namespace GreenCompute.Grains.Jobs;

/// <summary>The job grain's persisted state.</summary>
public sealed class JobGrainState
{
    public JobSpec? Spec { get; set; }

    public bool Accepted { get; set; }
}
