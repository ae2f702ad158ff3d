using Microsoft.Extensions.Logging;

namespace GreenCompute.Mqtt.Client;

internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "MQTT client {ClientId} connected to {Host}:{Port} (session present {SessionPresent})")]
    public static partial void Connected(ILogger logger, string clientId, string host, int port, bool sessionPresent);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "MQTT client {ClientId} lost its connection: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "MQTT client {ClientId} reconnect attempt {Attempt} failed: {Reason}")]
    public static partial void ReconnectFailed(ILogger logger, string clientId, int attempt, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "MQTT client {ClientId} closes the connection, protocol violation by the server: {Reason}")]
    public static partial void ProtocolViolation(ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "MQTT message handler failed for topic {Topic}; the message was acknowledged")]
    public static partial void HandlerFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "MQTT client {ClientId} could not re-subscribe after the session was lost: {Reason}")]
    public static partial void ResubscribeFailed(ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "MQTT client {ClientId} ignored {PacketType} for unknown packet identifier {PacketIdentifier}")]
    public static partial void UnexpectedAcknowledgement(ILogger logger, string clientId, string packetType, ushort packetIdentifier);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "MQTT client {ClientId} disconnected: {Reason}")]
    public static partial void Disconnected(ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "MQTT client connection-state handler failed")]
    public static partial void EventHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "MQTT client {ClientId} connection loop failed unexpectedly")]
    public static partial void ConnectionLoopFailed(ILogger logger, string clientId, Exception exception);
}
