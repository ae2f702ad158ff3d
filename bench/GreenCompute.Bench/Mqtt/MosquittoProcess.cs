using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GreenCompute.Bench.Mqtt;

/// <summary>A private Mosquitto for a benchmark: own temp folder and free loopback port, stopped by its process id.</summary>
internal sealed class MosquittoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private MosquittoProcess(Process process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts mosquitto; <paramref name="extraConfig"/> lines go into its config file.</summary>
    public static async Task<MosquittoProcess> StartAsync(params string[] extraConfig)
    {
        var folder = Directory.CreateTempSubdirectory("gc-bench-mosquitto-");
        var port = FreePort();
        var config = Path.Combine(folder.FullName, "mosquitto.conf");
        var lines = new List<string> { $"listener {port} 127.0.0.1", "allow_anonymous true", "log_dest none" };
        if (Environment.UserName == "root")
        {
            lines.Add("user root");
        }

        lines.AddRange(extraConfig);
        await File.WriteAllLinesAsync(config, lines);
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", ["-c", config]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mosquitto did not start (apt-get install mosquitto).");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new MosquittoProcess(process, folder, port);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(20);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _folder.Delete(recursive: true);
    }
}
