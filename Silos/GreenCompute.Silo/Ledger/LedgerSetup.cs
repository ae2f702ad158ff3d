using GreenCompute.Contracts.Devices;
using GreenCompute.Contracts.Ledger;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.DevChain;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Ledger.Receipts;
using GreenCompute.Silo.Configuration;

namespace GreenCompute.Silo.Ledger;

/// <summary>
/// Where the one-process run records its epochs: a private anvil chain with the ContributionLedger deployed, when
/// anvil is installed (npm, tools/test-servers), else a local journal file — and <see cref="Description"/> says which.
/// </summary>
internal sealed class LedgerSetup : IAsyncDisposable
{
    /// <summary>anvil's default dev accounts 0 (admin) and 1 (recorder), from its public test mnemonic: a local chain only.</summary>
    private const string AdminKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string RecorderKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private readonly AnvilProcess? _anvil;
    private readonly HttpClient? _http;

    private LedgerSetup(IChainCommitter committer, ReceiptDomain domain, AnvilProcess? anvil, HttpClient? http, DeviceRegistry? registry = null)
    {
        Registry = registry;
        Committer = committer;
        Domain = domain;
        _anvil = anvil;
        _http = http;
    }

    public IChainCommitter Committer { get; }

    public ReceiptDomain Domain { get; }

    public string Description => Committer.Description;

    /// <summary>The on-chain device registry (node id ↔ device key ↔ host payout), or null in journal mode.</summary>
    public DeviceRegistry? Registry { get; }

    /// <summary>Writes a pairing to the on-chain registry (node id as keccak256 of its UTF-8 text); nothing in journal mode.</summary>
    public async Task RegisterDeviceAsync(string nodeId, Address device, Address payout)
    {
        if (Registry is not null)
        {
            await Registry.PairAsync(Keccak256.HashUtf8(nodeId), device, payout);
        }
    }

    public static async Task<LedgerSetup> StartAsync(SiloOptions options, string runFolder, TimeProvider time)
    {
        if (!options.NoChain && (options.AnvilPath ?? AnvilProcess.Locate()) is { } binary)
        {
            var anvil = await AnvilProcess.StartAsync(0, Path.Combine(runFolder, "anvil-state.json"), binary);
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var client = new EthJsonRpcClient(http, anvil.Endpoint);
            var nonces = new NonceManager(client);
            var admin = new TransactionSender(client, PrivateKey.FromHex(AdminKey), nonces);
            var recorder = new TransactionSender(client, PrivateKey.FromHex(RecorderKey), nonces);
            var ledger = await ContributionLedger.DeployAsync(admin, admin.From, recorder.From);
            var registry = await DeviceRegistry.DeployAsync(admin, admin.From, admin.From);
            var committer = new JsonRpcChainCommitter(recorder, ledger.Address, TimeSpan.FromSeconds(10));
            return new LedgerSetup(committer, new ReceiptDomain(await client.GetChainIdAsync(), ledger.Address), anvil, http, registry);
        }

        var journal = options.LedgerJournal ?? Path.Combine(runFolder, "ledger-journal.jsonl");
        return new LedgerSetup(new JournalChainCommitter(journal, time), ReceiptDomain.Local, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }

        _http?.Dispose();
    }
}
