using Microsoft.Extensions.Logging;

namespace GreenCompute.Mqtt.Broker;

internal static partial class BrokerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "MQTT broker listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string endPoint);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "MQTT client {ClientId} connected from {Remote} ({Version}, session present {SessionPresent}, keep alive {KeepAlive} s)")]
    public static partial void ClientConnected(ILogger logger, string clientId, string remote, string version, bool sessionPresent, int keepAlive);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "MQTT connection from {Remote} refused: {ReasonCode} ({Reason})")]
    public static partial void ConnectRefused(ILogger logger, string remote, string reasonCode, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "MQTT connection {Remote} ({ClientId}) closed for a protocol violation {ReasonCode}: {Reason}")]
    public static partial void ProtocolViolation(ILogger logger, string remote, string clientId, string reasonCode, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "MQTT client {ClientId} ({Remote}) disconnected: {Reason}")]
    public static partial void ClientDisconnected(ILogger logger, string clientId, string remote, string reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "MQTT client {ClientId} ({UserName}) denied {Action} on '{Topic}'")]
    public static partial void AccessDenied(ILogger logger, string clientId, string? userName, string action, string topic);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "MQTT session {ClientId} queue is full ({Capacity} messages): dropping QoS 1/2 messages")]
    public static partial void QueueFull(ILogger logger, string clientId, int capacity);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "MQTT connection {Remote} failed unexpectedly")]
    public static partial void ConnectionFailed(ILogger logger, string remote, Exception exception);

    [LoggerMessage(EventId = 108, Level = LogLevel.Debug, Message = "MQTT connection {Remote} closed before CONNECT: {Reason}")]
    public static partial void ClosedBeforeConnect(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 109, Level = LogLevel.Error, Message = "MQTT broker accept loop failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);
}
