using Microsoft.Extensions.Logging;

namespace GreenCompute.EdgeAgent;

/// <summary>The agent's log messages (source-generated).</summary>
internal static partial class AgentLog
{
    [LoggerMessage(1, LogLevel.Warning, "Broker {Host}:{Port} unreachable ({Reason}); retrying in {DelaySeconds} s")]
    public static partial void BrokerUnreachable(ILogger logger, string host, int port, string reason, double delaySeconds);

    [LoggerMessage(2, LogLevel.Information, "Connected to {Host}:{Port}")]
    public static partial void Connected(ILogger logger, string host, int port);

    [LoggerMessage(3, LogLevel.Warning, "Disconnected: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Information, "Subscribed to {Topic}: {Reason}")]
    public static partial void Subscribed(ILogger logger, string topic, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Status not sent: {Reason}")]
    public static partial void StatusNotSent(ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Error, "Broker refused outbox message {Id} on {Topic} ({ReasonCode}); dropped from the outbox")]
    public static partial void OutboxRefused(ILogger logger, long id, string topic, string reasonCode);

    [LoggerMessage(7, LogLevel.Debug, "Outbox message {Id} deferred: {Reason}")]
    public static partial void OutboxDeferred(ILogger logger, long id, string reason);

    [LoggerMessage(8, LogLevel.Warning, "Command rejected ({Code}): {Reason}")]
    public static partial void CommandRejected(ILogger logger, string code, string reason);

    [LoggerMessage(9, LogLevel.Information, "Task {TaskId} {Kind} ({Detail})")]
    public static partial void TaskEvent(ILogger logger, string taskId, string kind, string detail);

    [LoggerMessage(10, LogLevel.Warning, "Telemetry not sent: {Reason}")]
    public static partial void TelemetryNotSent(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Information, "Power cap {Watts} W → {Share:P0} of the cores via {Limiter}")]
    public static partial void PowerCap(ILogger logger, double watts, double share, string limiter);

    [LoggerMessage(12, LogLevel.Warning, "Comfort guard: {Reason}")]
    public static partial void GuardHolds(ILogger logger, string reason);

    [LoggerMessage(13, LogLevel.Information, "Comfort guard: {Detail}")]
    public static partial void GuardReleased(ILogger logger, string detail);
}
