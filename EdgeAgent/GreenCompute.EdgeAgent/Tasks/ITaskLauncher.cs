using System.Diagnostics;

namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>Turns a task into a child process, or says clearly why it cannot run here.</summary>
internal interface ITaskLauncher
{
    /// <summary>Whether this launcher runs <paramref name="workload"/>.</summary>
    bool Handles(string workload);

    /// <summary>The process to start, or a refusal (null start info with a reason).</summary>
    LaunchDecision Prepare(TaskPlan plan);
}

/// <summary>Either a process to start (with the units its progress lines count to) or why the task cannot run.</summary>
internal sealed record LaunchDecision(ProcessStartInfo? Start, string? Refusal)
{
    public static LaunchDecision Refuse(string reason) => new(null, reason);
}
