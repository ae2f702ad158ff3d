using GreenCompute.Actors;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Grains.Ledger.Archive;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Grains.Ledger;

/// <summary>Registers the ledger grains with a host (kept apart from SiloGrains until the silo wires the ledger in).</summary>
public static class LedgerGrains
{
    /// <summary>The ledger grain's key: one ledger for the fleet.</summary>
    public const string LedgerKey = "ledger";

    /// <summary>
    /// Adds <see cref="ILedgerGrain"/> and <see cref="ILedgerEpochGrain"/>. Pass a <see cref="JsonRpcChainCommitter"/>
    /// when a chain is configured, else a <see cref="JournalChainCommitter"/> (the status then says epochs are journaled).
    /// </summary>
    public static void AddTo(GrainHost host, IChainCommitter committer, LedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(committer);
        var ledgerOptions = options ?? new LedgerOptions();
        ledgerOptions.Validate();
        host.AddGrain<ILedgerGrain, LedgerGrain>(() => new LedgerGrain(committer, ledgerOptions), "ledger");
        host.AddGrain<ILedgerEpochGrain, LedgerEpochGrain>(() => new LedgerEpochGrain(), "ledger-epoch");
    }

    /// <summary>The receipt domain for a deployed ledger: the chain's id (asked from the node) and the ledger's address.</summary>
    public static async Task<ReceiptDomain> DomainForChainAsync(EthJsonRpcClient client, Address ledger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new ReceiptDomain(await client.GetChainIdAsync(cancellationToken), ledger);
    }
}
