using Microsoft.Extensions.Logging;

namespace GreenCompute.Silo.Mqtt;

internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Rejected {Topic}: {Code}: {Reason}")]
    public static partial void Rejected(ILogger logger, string topic, string code, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Applying {Topic} failed in the grain")]
    public static partial void GrainFailed(ILogger logger, string topic, Exception error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Ingest subscribed to {Filters} on {Host}:{Port}")]
    public static partial void Subscribed(ILogger logger, string filters, string host, int port);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Publishing the command for node {NodeId} failed")]
    public static partial void CommandFailed(ILogger logger, string nodeId, Exception error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "The broker refused the command for node {NodeId}: {ReasonCode}")]
    public static partial void CommandRefused(ILogger logger, string nodeId, string reasonCode);
}
