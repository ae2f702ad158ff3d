using GreenCompute.Actors;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Silo.History;

namespace GreenCompute.Silo.Gateway;

/// <summary>The silo as its gateway serves it: grains, history, facts, clock, step notifications and device registry.</summary>
internal interface IGatewayBackend
{
    IGrainFactory Grains { get; }

    IHistoryQueries History { get; }

    SiloInfo Info { get; }

    SiloClock Clock { get; }

    GatewayTicks Ticks { get; }

    /// <summary>Registers a paired device's key on the chain's device registry (no-op when the ledger is journaled).</summary>
    Task RegisterDeviceAsync(string nodeId, Address device, Address payout);
}
