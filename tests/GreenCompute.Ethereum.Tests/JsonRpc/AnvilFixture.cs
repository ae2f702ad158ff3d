using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
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

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
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
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(LocateAnvil(), ["--host", "127.0.0.1", "--port", "0"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"anvil exited before listening:\n{Output}"));
        process.Start();
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        int port;
        try
        {
            port = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"anvil did not print 'Listening on' within {StartTimeout.TotalSeconds} s:\n{Output}");
        }

        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Client = new EthJsonRpcClient(_http, Endpoint);
        Nonces = new NonceManager(Client);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }

            process.Dispose();
        }
    }

    private string Output => string.Join('\n', _output.TakeLast(40));

    private void OnLine(string? line, TaskCompletionSource<int> listening)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        const string marker = "Listening on ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var hostPort = line[(at + marker.Length)..].Trim();
            listening.TrySetResult(int.Parse(hostPort[(hostPort.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));
        }
    }

    private static string LocateAnvil()
    {
        var configured = Environment.GetEnvironmentVariable("ANVIL_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        const string relative = "tools/test-servers/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile())! })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"anvil not found at {relative} above the tests: run scripts/install-test-deps.sh, or set ANVIL_PATH.");
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
