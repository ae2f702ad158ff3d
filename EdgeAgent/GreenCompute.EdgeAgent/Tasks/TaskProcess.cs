using System.Diagnostics;

namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>
/// One running child process and its line protocol (see <c>KernelProgram</c>): progress, checkpointed, paused, completed.
/// Lines are turned into <see cref="TaskProcessLine"/>s for the supervisor; <see cref="Exited"/> completes with the exit code.
/// </summary>
internal sealed class TaskProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<TaskProcessLine, Task> _onLine;

    private TaskProcess(Process process, Func<TaskProcessLine, Task> onLine)
    {
        _process = process;
        _onLine = onLine;
    }

    public int Id => _process.Id;

    public Task<int> Exited => _exited.Task;

    /// <summary>The last lines of standard error (for a failure's detail).</summary>
    public string ErrorTail { get; private set; } = "";

    public static TaskProcess Start(ProcessStartInfo start, Func<TaskProcessLine, Task> onLine)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        var task = new TaskProcess(process, onLine);
        process.Start();
        _ = task.PumpAsync();
        return task;
    }

    /// <summary>Asks for a checkpoint and a clean exit at the next chunk (exit code 3).</summary>
    public async Task RequestPauseAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("pause").ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The process already exited (its stdin pipe is closed): the exit code tells what happened.
            return;
        }
    }

    /// <summary>Kills the process and everything it started.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
            return;
        }
    }

    public void Dispose() => _process.Dispose();

    private async Task PumpAsync()
    {
        var errors = _process.StandardError.ReadToEndAsync();
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (TaskProcessLine.TryParse(line, out var parsed))
            {
                await _onLine(parsed).ConfigureAwait(false);
            }
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        var stderr = await errors.ConfigureAwait(false);
        ErrorTail = stderr.Length > 500 ? stderr[^500..] : stderr;
        _exited.TrySetResult(_process.ExitCode);
    }
}
