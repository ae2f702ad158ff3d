using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace GreenCompute.Ethereum.DevChain;

/// <summary>
/// One anvil process on loopback with <c>--state FILE</c>: it loads the file at start and dumps the chain into it on a
/// graceful stop (SIGTERM), so a restart on the same port brings the same chain back, as an RPC outage would end.
/// Port 0 lets anvil choose (read from its "Listening on" line); a restart passes the port it got. Used by the tests,
/// the benchmarks and the silo's one-process run (anvil from npm, installed in tools/test-servers).
/// </summary>
public sealed class AnvilProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private AnvilProcess(Process process) => _process = process;

    public int Port { get; private set; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    private string Output => string.Join('\n', _output.TakeLast(30));

    /// <summary>The relative path npm installs anvil to (tools/test-servers), searched upwards from the current and base directories.</summary>
    public const string NpmRelativePath = "tools/test-servers/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

    /// <param name="port">0 lets anvil choose.</param>
    /// <param name="statePath">Loaded at start when present, written at a graceful stop; null = a fresh chain, not kept.</param>
    /// <param name="binary">The anvil binary; null = <see cref="Locate"/>.</param>
    public static async Task<AnvilProcess> StartAsync(int port, string? statePath, string? binary = null)
    {
        string[] arguments = statePath is null
            ? ["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)]
            : ["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--state", statePath];
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(binary ?? Locate() ?? throw new FileNotFoundException($"anvil not found at {NpmRelativePath}: run scripts/install-test-deps.sh, or set ANVIL_PATH."), arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        var anvil = new AnvilProcess(process);
        process.OutputDataReceived += (_, e) => anvil.OnLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => anvil.OnLine(e.Data, listening);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"anvil exited before listening:\n{anvil.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            anvil.Port = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await anvil.DisposeAsync();
            throw new TimeoutException($"anvil did not print 'Listening on' within {StartTimeout.TotalSeconds} s:\n{anvil.Output}");
        }

        return anvil;
    }

    /// <summary>SIGTERM: anvil dumps its state to the --state file and exits.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"anvil did not exit within {StopTimeout.TotalSeconds} s of SIGTERM:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(StopTimeout);
        }

        _process.Dispose();
    }

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

    /// <summary>ANVIL_PATH, else <see cref="NpmRelativePath"/> above the current or the base directory; null when absent.</summary>
    public static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("ANVIL_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, NpmRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }}
