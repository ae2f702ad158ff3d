using GreenCompute.Actors;
using GreenCompute.Grains.History;
using GreenCompute.Grains.Jobs;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Grains.Sites;

namespace GreenCompute.Grains;

/// <summary>Registers GreenCompute's grains with a host: the one place that knows their implementations.</summary>
public static class SiloGrains
{
    /// <summary>The scheduler grain's key (one scheduler for the fleet; shards would get their own keys).</summary>
    public const string SchedulerKey = JobGrain.SchedulerKey;

    public static void AddTo(GrainHost host, INodeCommandSink commands, NodeOptions? nodeOptions = null, SchedulerOptions? schedulerOptions = null, IHistoryRecorder? history = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(commands);
        var node = nodeOptions ?? new NodeOptions();
        var scheduler = schedulerOptions ?? new SchedulerOptions();
        var recorder = history ?? NullHistoryRecorder.Instance;
        host.AddGrain<IHeaterNodeGrain, HeaterNodeGrain>(() => new HeaterNodeGrain(commands, recorder, node), "node");
        host.AddGrain<ISiteGrain, SiteGrain>(() => new SiteGrain(), "site");
        host.AddGrain<IJobGrain, JobGrain>(() => new JobGrain(), "job");
        host.AddGrain<ISchedulerGrain, SchedulerGrain>(() => new SchedulerGrain(scheduler), "scheduler");
    }
}
