using System.Collections.Immutable;
using GreenCompute.Actors;
using GreenCompute.Core.Work;
using GreenCompute.Core.Work.Assignment;
using GreenCompute.Grains.Sites;

namespace GreenCompute.Grains.Scheduling;

/// <summary>
/// The fleet's scheduler (key: "fleet", or one per shard later): each planning period it has every node plan
/// its heat, assigns queued tasks to the planned capacity earliest deadline first, and sends the commands.
/// </summary>
public interface ISchedulerGrain : IGrainWithStringKey
{
    Task RegisterSite(SiteRegistration site);

    /// <summary>A zone's day-ahead curve (retained gc/v1/prices/{zone}).</summary>
    Task UpdatePrices(PriceCurve curve);

    /// <summary>A site's outdoor forecast (gc/v1/weather/{siteId}).</summary>
    Task UpdateWeather(OutdoorForecast forecast);

    /// <summary>Validates and queues a job; an invalid job is rejected with every reason and nothing is queued.</summary>
    Task<JobSubmissionResult> SubmitJob(string jobId, JobSpec spec);

    /// <summary>What a job would cost in time, from the current plans, without queuing it.</summary>
    Task<JobEstimate?> PreviewJob(JobSpec spec);

    Task ReportTaskEvents(ImmutableArray<TaskEvent> events);

    /// <summary>Runs one planning round now (the timer does this every period when AutoPlan is on).</summary>
    Task<RoundReport> RunRound();

    Task<SchedulerStatus> GetStatus();

    Task<JobStatus?> GetJob(string jobId);

    /// <summary>Cancels a job for its customer; the rejection says why not (unknown, or already ended), and nothing changes then.</summary>
    Task<TransitionResult> CancelJob(string jobId);

    /// <summary>Every task of the job, in index order; empty when the job is unknown.</summary>
    Task<ImmutableArray<TaskStatus>> GetTasks(string jobId);
}
