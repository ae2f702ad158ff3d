using System.Text;

namespace GreenCompute.Web.Tests.Fixtures;

/// <summary>A console for a program run in the test's process: keeps its lines and completes <see cref="Seen"/> at the first line containing a text.</summary>
internal sealed class LineWatcher(string awaited) : TextWriter
{
    private readonly List<string> _lines = [];
    private readonly StringBuilder _partial = new();
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public Task Seen => _seen.Task;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public override void Write(char value)
    {
        lock (_lines)
        {
            if (value != '\n')
            {
                _partial.Append(value);
                return;
            }

            var line = _partial.ToString().TrimEnd('\r');
            _partial.Clear();
            _lines.Add(line);
            if (line.Contains(awaited, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
