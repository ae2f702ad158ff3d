using System.Diagnostics;
using System.Net.Sockets;

namespace GreenCompute.Mqtt.Tests.Fixtures;

/// <summary>
/// A private Mosquitto 2.0 for one test: its own loopback port and temp folder (config, persistence, log); stopped by
/// its process id. Never the system service.
/// </summary>
internal sealed class MosquittoServer : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";
    private readonly string _configFile;
    private Process? _process;

    private MosquittoServer(string folder, int port, string configFile)
    {
        Folder = folder;
        Port = port;
        _configFile = configFile;
    }

    public string Folder { get; }

    public int Port { get; }

    public string LogFile => Path.Combine(Folder, "mosquitto.log");

    public static async Task<MosquittoServer> StartAsync(bool persistence = false, string extraConfig = "")
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: run scripts/install-test-deps.sh");
        for (var attempt = 1; ; attempt++)
        {
            var folder = Directory.CreateTempSubdirectory("gc-mosquitto-").FullName;
            var port = FreePort.Next();
            var config = Path.Combine(folder, "mosquitto.conf");
            var lines = new List<string>
            {
                $"listener {port} 127.0.0.1",
                "allow_anonymous true",
                $"log_dest file {Path.Combine(folder, "mosquitto.log")}",
                "log_type all",
            };
            if (persistence)
            {
                lines.Add("persistence true");
                lines.Add($"persistence_location {folder}/");
            }

            // As root, mosquitto drops to user "mosquitto", which cannot write our temp folder.
            if (Environment.UserName == "root")
            {
                lines.Add("user root");
            }

            lines.Add(extraConfig);
            await File.WriteAllLinesAsync(config, lines);
            var server = new MosquittoServer(folder, port, config);
            if (await server.TryStartProcessAsync())
            {
                return server;
            }

            await server.DisposeAsync();
            Assert.True(attempt < 3, $"mosquitto did not start on a free port after {attempt} attempts");
        }
    }

    /// <summary>SIGTERM: mosquitto saves its persistence database and exits.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            await Within.Async(process.WaitForExitAsync(), "mosquitto to exit after SIGTERM");
        }
    }

    /// <summary>Starts again on the same port and folder (same persistence database).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        for (var attempt = 1; !await TryStartProcessAsync(); attempt++)
        {
            Assert.True(attempt < 20, $"mosquitto did not restart on port {Port}: {await File.ReadAllTextAsync(LogFile)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Environment.GetEnvironmentVariable("GC_KEEP_MOSQUITTO") is null)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task<bool> TryStartProcessAsync()
    {
        _process?.Dispose();
        _process = Process.Start(new ProcessStartInfo(Executable, ["-c", _configFile]) { UseShellExecute = false })!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                return false;
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync("127.0.0.1", Port).WaitAsync(TimeSpan.FromSeconds(1));
                return true;
            }
            catch (Exception error) when (error is SocketException or TimeoutException)
            {
                // Not listening yet: mosquitto binds within milliseconds of starting.
                await Task.Delay(20);
            }
        }

        throw new TimeoutException($"mosquitto on port {Port} did not accept connections within 10 s.");
    }
}
