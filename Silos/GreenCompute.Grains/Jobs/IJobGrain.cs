using GreenCompute.Actors;
using GreenCompute.Core.Work;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Grains.Jobs;

/// <summary>A customer's job (key: job id): submission and status; the scheduler grain owns its tasks.</summary>
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Submits the job once; a second submission of the same id is rejected.</summary>
    Task<JobSubmissionResult> Submit(JobSpec spec);

    /// <summary>The job's status, or null when it was never accepted.</summary>
    Task<JobStatus?> GetStatus();
}
