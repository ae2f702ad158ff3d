using System.Runtime.CompilerServices;
using GreenCompute.Ethereum.DevChain;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Ethereum.Signing;

namespace GreenCompute.Ethereum.Tests.JsonRpc;

/// <summary>
/// A private anvil per test class (IClassFixture): loopback only, port chosen by anvil (--port 0, read from its
/// "Listening on" line, so parallel classes never race for a port), fresh state, no fork; killed on dispose.
/// The binary comes from tools/test-servers (scripts/install-test-deps.sh), or $ANVIL_PATH.
/// </summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    /// <summary>anvil's default accounts (mnemonic "test test … junk"), 10,000 ETH each; public test keys.</summary>
    private static readonly string[] DevKeys =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
        "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
        "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
    ];

    private AnvilProcess? _anvil;
    private HttpClient? _http;

    public EthJsonRpcClient Client { get; private set; } = null!;

    /// <summary>One nonce manager for the whole chain, as a process would have.</summary>
    public NonceManager Nonces { get; private set; } = null!;

    public Uri Endpoint { get; private set; } = null!;

    public static PrivateKey Key(int account) => PrivateKey.FromHex(DevKeys[account]);

    public static Address AddressOf(int account) => Key(account).Address;

    public TransactionSender Sender(int account) => new(Client, Key(account), Nonces);

    public async Task InitializeAsync()
    {
        _anvil = await AnvilProcess.StartAsync(0, statePath: null, LocateFromSources());
        Endpoint = _anvil.Endpoint;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Client = new EthJsonRpcClient(_http, Endpoint);
        Nonces = new NonceManager(Client);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }
    }

    /// <summary>Test binaries may be built outside the repository: look above this source file first.</summary>
    private static string? LocateFromSources([CallerFilePath] string source = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(source)!); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, AnvilProcess.NpmRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return AnvilProcess.Locate();
    }
}
