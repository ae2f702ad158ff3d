using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GreenCompute.Contracts.Ledger;
using GreenCompute.Contracts.Payouts;
using GreenCompute.Ethereum.DevChain;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Silo.Tests.Ledger;

/// <summary>
/// A private anvil (own port, own state file) with the ledger, the GreenCredit token and a funded PayoutDistributor
/// deployed through the bindings. Account 0 is the admin, account 1 the recorder the ledger grain commits as.
/// </summary>
internal sealed class LedgerChain : IAsyncDisposable
{
    public const int RecorderAccount = 1;

    /// <summary>anvil's default accounts (mnemonic "test test … junk"): public test keys.</summary>
    private static readonly string[] DevKeys =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
    ];

    private readonly string _folder;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private AnvilProcess _anvil;

    private LedgerChain(string folder, AnvilProcess anvil)
    {
        _folder = folder;
        _anvil = anvil;
        Client = new EthJsonRpcClient(_http, anvil.Endpoint);
        Nonces = new NonceManager(Client);
    }

    public EthJsonRpcClient Client { get; }

    /// <summary>One nonce manager for the chain, shared by everything that sends, as in one process.</summary>
    public NonceManager Nonces { get; }

    public ContributionLedger Ledger { get; private set; } = null!;

    public GreenCredit Token { get; private set; } = null!;

    public PayoutDistributor Distributor { get; private set; } = null!;

    public ReceiptDomain Domain => new(31337, Ledger.Address);

    public static Address AddressOf(int account) => PrivateKey.FromHex(DevKeys[account]).Address;

    public static async Task<LedgerChain> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("gc-ledger-chain-").FullName;
        var chain = new LedgerChain(folder, await AnvilProcess.StartAsync(0, Path.Combine(folder, "anvil-state.json"), TestAnvil.Binary));
        var admin = chain.Sender(0);
        chain.Ledger = await ContributionLedger.DeployAsync(admin, admin.From, AddressOf(RecorderAccount));
        chain.Token = await GreenCredit.DeployAsync(admin, admin.From);
        chain.Distributor = await PayoutDistributor.DeployAsync(admin, chain.Token.Address, chain.Ledger.Address);
        await chain.Token.MintAsync(chain.Distributor.Address, BigInteger.Pow(10, 24));
        return chain;
    }

    public TransactionSender Sender(int account) => new(Client, PrivateKey.FromHex(DevKeys[account]), Nonces);

    public JsonRpcChainCommitter Committer(TimeSpan? confirmWait = null) =>
        new(Sender(RecorderAccount), Ledger.Address, confirmWait ?? TimeSpan.FromSeconds(10));

    /// <summary>Graceful stop: the chain is dumped to the state file; RPC calls fail until <see cref="RestartAsync"/>.</summary>
    public Task StopAsync() => _anvil.StopAsync();

    /// <summary>anvil again on the same port, loading the dumped chain.</summary>
    public async Task RestartAsync()
    {
        var port = _anvil.Port;
        await _anvil.DisposeAsync();
        _anvil = await AnvilProcess.StartAsync(port, Path.Combine(_folder, "anvil-state.json"), TestAnvil.Binary);
    }

    public Task<JsonElement> RpcAsync(string method, params JsonNode?[] parameters) => Client.RequestAsync(method, [.. parameters]);

    public Task<ulong> RecorderNonceAsync() => Client.GetTransactionCountAsync(AddressOf(RecorderAccount), BlockTag.Latest);

    public async ValueTask DisposeAsync()
    {
        await _anvil.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
