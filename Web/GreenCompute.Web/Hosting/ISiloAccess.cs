using GreenCompute.Actors;
using GreenCompute.Core.Model;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Grains.Sites;
using GreenCompute.Silo.History;

namespace GreenCompute.Web.Hosting;

/// <summary>
/// What the web needs of a silo: its grains, history and a few facts. The co-hosted silo (<see cref="CoHostedSilo"/>,
/// the default) and a separate silo reached through its gateway (<see cref="RemoteSilo"/>, <c>--silo URL</c>) both
/// provide it, so pages never touch the simulator. Across the gateway a call may throw
/// <see cref="GreenCompute.Silo.Gateway.SiloUnreachableException"/>.
/// </summary>
internal interface ISiloAccess
{
    IGrainFactory Grains { get; }

    /// <summary>The silo's (simulated) time: the clock of every grain, chart and bill.</summary>
    DateTimeOffset Now { get; }

    /// <summary>True once the simulated fleet has reached the end of its data.</summary>
    bool Finished { get; }

    string Zone { get; }

    IReadOnlyList<string> SiteIds { get; }

    /// <summary>The simulated fleet's rooms (paired devices are not among them).</summary>
    IReadOnlyList<string> NodeIds { get; }

    /// <summary>The heater model customers' bills are priced on.</summary>
    HeaterSpec Heater { get; }

    ISchedulerGrain Scheduler { get; }

    ILedgerGrain Ledger { get; }

    IHistoryQueries History { get; }

    IHeaterNodeGrain Node(string nodeId);

    ISiteGrain Site(string siteId);

    /// <summary>The payout address of the host of a building.</summary>
    Address HostOf(string siteId);

    /// <summary>Registers a paired device's key in the chain's device registry (no-op when the ledger is journaled).</summary>
    Task RegisterDeviceAsync(string nodeId, Address device, Address payout);
}
