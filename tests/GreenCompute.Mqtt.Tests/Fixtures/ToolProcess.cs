using System.Diagnostics;

namespace GreenCompute.Mqtt.Tests.Fixtures;

/// <summary>A command-line tool (mosquitto_pub/_sub) run by a test: output lines collected, awaited by predicate, killed at the end.</summary>
internal sealed class ToolProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    private ToolProcess(Process process)
    {
        _process = process;
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Runs under "stdbuf -oL": into a pipe, the tools' stdout is block-buffered and a line could arrive only at exit.</summary>
    public static ToolProcess Start(string executable, params string[] arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/stdbuf", ["-oL", "-eL", executable, .. arguments])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var tool = new ToolProcess(process);
        process.OutputDataReceived += (_, e) => tool.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => tool.OnLine(e.Data);
        Assert.True(File.Exists(executable), $"{executable} is missing: run scripts/install-test-deps.sh");
        Assert.True(process.Start(), $"{executable} did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            _waiters.Add((match, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(Within.Default);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what}; output so far:\n{string.Join("\n", Lines)}");
        }
    }

    public async Task<int> WaitForExitAsync(string what)
    {
        await Within.Async(_process.WaitForExitAsync(), what);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the tool gets no chance to send DISCONNECT.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await Within.Async(_process.WaitForExitAsync(), "the killed tool to exit");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)))
            {
                waiter.Seen.TrySetResult(line);
            }
        }
    }
}
