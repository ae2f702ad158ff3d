using System.Collections.Immutable;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Web.Jobs;

/// <summary>A job as its customer sees it (pages and API): status, tasks, bill and, once tasks finish, their outputs.</summary>
public sealed record JobView(
    string JobId,
    string Name,
    string State,
    string Reason,
    int Tasks,
    int TasksCompleted,
    int TasksRunning,
    int TasksFailed,
    double ProgressPercent,
    DateTimeOffset SubmittedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? EstimatedCompletion,
    DateTimeOffset? FinishedAt,
    JobBillView Bill,
    ImmutableArray<JobTaskView> TaskList,
    ImmutableArray<JobReceiptView> Receipts);

/// <summary>
/// A signed receipt covering some of the job's completed tasks: the node's leaf in an epoch's receipts tree with its
/// Merkle proof (<c>ContributionLedger.verifyReceipt(epoch, leaf, proof)</c>), once the epoch has closed; where it was
/// recorded once committed. <see cref="CoversTasks"/> lists the job's tasks found in the receipt's signed details.
/// </summary>
public sealed record JobReceiptView(long Epoch, string NodeId, string? Leaf, string? Root, ImmutableArray<string> Proof, string? RecordedAs, ImmutableArray<string> CoversTasks);

/// <summary>One task: state, progress and, when completed, the hash of its output (signed in the device's receipt).</summary>
public sealed record JobTaskView(string TaskId, string State, double ProgressPercent, string? NodeId, string Reason, string? OutputSha256);

/// <summary>The bill so far: work done, the energy it took, the heat it released into rooms, the price.</summary>
public sealed record JobBillView(double CoreHours, double EnergyKwh, double HeatReleasedKwh, double PriceEur, string Basis);

/// <summary>What a job would take: cost at the tariff and the scheduler's completion estimate from current plans.</summary>
public sealed record JobQuote(double CoreHours, double EnergyKwh, double PriceEur, DateTimeOffset? EstimatedCompletion, bool DeadlineAtRisk, string Explanation);

/// <summary>Helpers over <see cref="JobStatus"/>.</summary>
internal static class JobViews
{
    public static double Percent(double done, double total) => total > 0 ? Math.Round(Math.Clamp(done / total, 0, 1) * 100, 1) : 0;
}
