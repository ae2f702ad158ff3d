using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GreenCompute.Influx.Tests.Fixtures;

/// <summary>
/// A real influxd 1.6 for one test: its own temp folder (meta, data, wal), HTTP and RPC ports on 127.0.0.1, reporting
/// and the _internal monitor off. Stop and start again keep the folder and the ports, as an outage would.
/// </summary>
internal sealed class InfluxServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _directory = new();
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http = new();
    private Process? _process;

    private InfluxServer()
    {
        HttpPort = FreePort();
        RpcPort = FreePort();
        File.WriteAllText(ConfigPath, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{RpcPort}"
            [meta]
              dir = "{_directory.File("meta")}"
            [data]
              dir = "{_directory.File("data")}"
              wal-dir = "{_directory.File("wal")}"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [continuous_queries]
              enabled = false
            [http]
              bind-address = "127.0.0.1:{HttpPort}"
              log-enabled = false
            """);
    }

    public int HttpPort { get; }

    public int RpcPort { get; }

    public Uri Url => new($"http://127.0.0.1:{HttpPort}");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private string ConfigPath => _directory.File("influxdb.conf");

    /// <summary>Starts influxd and creates <paramref name="databases"/>.</summary>
    public static async Task<InfluxServer> StartAsync(params string[] databases)
    {
        var server = new InfluxServer();
        try
        {
            await server.StartProcessAsync();
            foreach (string database in databases)
            {
                await server.CreateDatabaseAsync(database);
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task StartProcessAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("influxd is already running.");
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("GC_INFLUXD") ?? "influxd", ["-config", ConfigPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("influxd did not start.");
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        await WaitForPingAsync(process);
    }

    /// <summary>Kills influxd (SIGKILL: an outage, not a clean shutdown) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        process.Kill(entireProcessTree: true);
        await Waits.For(process.WaitForExitAsync(), "influxd to exit after SIGKILL");
        process.Dispose();
    }

    public Task CreateDatabaseAsync(string name) => PostQueryAsync($"CREATE DATABASE \"{name}\"");

    /// <summary>Writes line protocol directly with POST /write (no client code under test involved).</summary>
    public async Task WriteAsync(string database, string lines, string precision = "ns")
    {
        using var response = await _http.PostAsync(
            new Uri(Url, $"/write?db={Uri.EscapeDataString(database)}&precision={precision}"),
            new StringContent(lines, Encoding.UTF8));
        string body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"POST /write answered {(int)response.StatusCode}: {body}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _directory.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task PostQueryAsync(string influxQl)
    {
        using var response = await _http.PostAsync(new Uri(Url, "/query"), new FormUrlEncodedContent([new("q", influxQl)]));
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            // Also used by the benchmark, which has no test framework: a plain exception fails both.
            throw new InvalidOperationException($"{influxQl} answered {(int)response.StatusCode}: {body}");
        }
    }

    private async Task WaitForPingAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {process.ExitCode} before answering /ping:\n{Log}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri(Url, "/ping"));
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: poll again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        throw new TimeoutException($"influxd did not answer /ping with 204 on {Url} within {StartTimeout}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
