using System.Collections.Immutable;
using GreenCompute.Actors;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Silo.History;
using GreenCompute.Silo.Simulation;

namespace GreenCompute.Silo.Gateway;

/// <summary>The gateway over the silo's simulated run: its grain host, history, fleet facts and clock.</summary>
internal sealed class SimulatedSiloBackend : IGatewayBackend
{
    private readonly SimulatedSilo _silo;
    private readonly Func<bool> _finished;

    public SimulatedSiloBackend(SimulatedSilo silo, Func<bool> finished, TimeProvider time)
    {
        _silo = silo;
        _finished = finished;
        Ticks = new GatewayTicks(time);
        var siteIds = silo.Fleet.Nodes.Select(n => n.SiteId).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        Info = new SiloInfo(
            silo.Zone,
            siteIds,
            [.. silo.Fleet.Nodes.Select(n => n.NodeId)],
            silo.Fleet.Nodes[0].Heater,
            siteIds.ToImmutableDictionary(s => s, s => silo.Devices.HostOf(s).ToString().ToLowerInvariant(), StringComparer.Ordinal));
    }

    public IGrainFactory Grains => _silo.Host;

    public IHistoryQueries History => _silo.History.Queries;

    public SiloInfo Info { get; }

    public SiloClock Clock => new(_silo.Clock.Now, _finished(), Ticks.Count);

    public GatewayTicks Ticks { get; }

    public Task RegisterDeviceAsync(string nodeId, Address device, Address payout) => _silo.Ledger.RegisterDeviceAsync(nodeId, device, payout);
}
