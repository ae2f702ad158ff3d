using GreenCompute.Core.Planning;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// When a job should finish, from the round's tentative placement: <see cref="Completion"/> is null when some
/// of its work lands beyond the horizon. <see cref="DeadlineAtRisk"/> means the deadline cannot be met even
/// running without heat demand (within the job's price cap).
/// </summary>
public sealed record JobEstimate(string JobId, DateTimeOffset Deadline, DateTimeOffset? Completion, bool DeadlineAtRisk, Reason Reason);
