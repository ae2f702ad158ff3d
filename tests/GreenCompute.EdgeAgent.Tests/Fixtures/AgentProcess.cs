using System.Diagnostics;
using System.Globalization;

using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Fixtures;

/// <summary>The real agent program (its apphost beside the tests) as a child process; killed with everything it started on dispose.</summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AgentProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static AgentProcess Start(params string[] args)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "GreenCompute.EdgeAgent");
        Assert.True(File.Exists(exe), $"{exe} is missing (the agent's apphost is copied beside the tests)");
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        // Drain both pipes so the agent never blocks on a full one.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AgentProcess(process);
    }

    /// <summary>SIGKILL to the agent and its task processes at once, as a power cut would.</summary>
    public async Task KillHardAsync()
    {
        var children = Children(_process.Id);
        _process.Kill();
        foreach (var child in children)
        {
            try
            {
                using var c = Process.GetProcessById(child);
                c.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
                continue;
            }
        }

        await Within.Async(_process.WaitForExitAsync(), "the killed agent to exit");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillHardAsync();
        }

        _process.Dispose();
    }

    private static List<int> Children(int pid)
    {
        var found = new List<int>();
        foreach (var task in Directory.Exists($"/proc/{pid}/task") ? Directory.GetDirectories($"/proc/{pid}/task") : [])
        {
            var file = Path.Combine(task, "children");
            if (File.Exists(file))
            {
                found.AddRange(File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)));
            }
        }

        return found;
    }
}
