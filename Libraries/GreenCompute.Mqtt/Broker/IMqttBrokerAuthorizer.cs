namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// Per-client access control, asked on every PUBLISH (and will topic at CONNECT) and every SUBSCRIBE filter. Runs on the
/// connection's read loop: keep it fast and non-blocking.
/// </summary>
public interface IMqttBrokerAuthorizer
{
    bool CanPublish(string clientId, string? userName, string topic);

    /// <param name="clientId">The connection's client identifier.</param>
    /// <param name="userName">The CONNECT user name (the node id for devices), null when none.</param>
    /// <param name="topicFilter">As subscribed; a shared subscription keeps its "$share/{group}/" prefix.</param>
    bool CanSubscribe(string clientId, string? userName, string topicFilter);
}
