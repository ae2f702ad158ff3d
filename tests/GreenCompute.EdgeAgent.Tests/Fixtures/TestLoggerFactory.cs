using GreenCompute.Mqtt.Tests.Fixtures;
using Microsoft.Extensions.Logging;

namespace GreenCompute.EdgeAgent.Tests.Fixtures;

/// <summary>Every logger writes into one <see cref="TestLogger"/>, so a test can fail on any error the agent logged.</summary>
internal sealed class TestLoggerFactory(TestLogger logger) : ILoggerFactory
{
    public TestLogger Logger { get; } = logger;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => Logger;

    public void Dispose()
    {
    }
}
