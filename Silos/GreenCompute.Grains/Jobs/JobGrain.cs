using GreenCompute.Actors;
using GreenCompute.Core.Work;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Grains.Jobs;

internal sealed class JobGrain : Grain<JobGrainState>, IJobGrain
{
    public const string SchedulerKey = "fleet";

    public async Task<JobSubmissionResult> Submit(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var id = GetPrimaryKeyString();
        if (State.Accepted)
        {
            return JobSubmissionResult.Rejected(id, [new JobProblem("JobId", $"job '{id}' was already submitted")]);
        }

        var result = await GrainFactory.GetGrain<ISchedulerGrain>(SchedulerKey).SubmitJob(id, spec);
        if (result.Accepted)
        {
            State.Spec = spec;
            State.Accepted = true;
            await WriteStateAsync();
        }

        return result;
    }

    public async Task<JobStatus?> GetStatus() =>
        State.Accepted ? await GrainFactory.GetGrain<ISchedulerGrain>(SchedulerKey).GetJob(GetPrimaryKeyString()) : null;
}
