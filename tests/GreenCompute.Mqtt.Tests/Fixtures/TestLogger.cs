using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GreenCompute.Mqtt.Tests.Fixtures;

/// <summary>Records what the system under test logs, so a test can fail on any error it logged.</summary>
internal sealed class TestLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Error)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Error)> Entries => [.. _entries];

    public IEnumerable<string> Messages(LogLevel atLeast) => _entries.Where(e => e.Level >= atLeast).Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, formatter(state, exception), exception));

    public void AssertNoErrors()
    {
        var errors = _entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Message} {e.Error}").ToList();
        Assert.True(errors.Count == 0, "The system under test logged errors:\n" + string.Join("\n", errors));
    }
}
