namespace GreenCompute.Mqtt.Client;

/// <summary>A snapshot of the client's counters since it was created.</summary>
/// <param name="Published">Publishes completed as Delivered.</param>
/// <param name="Received">Messages handed to the application (QoS 2 duplicates not counted).</param>
/// <param name="DroppedQoS0">QoS 0 messages dropped because the pending queue was full.</param>
/// <param name="RefusedQueueFull">QoS 1/2 publishes refused with <see cref="MqttPendingQueueFullException"/>.</param>
/// <param name="Connections">Successful connections, the first one included.</param>
/// <param name="Pending">Messages waiting to be sent now.</param>
/// <param name="InFlight">QoS 1/2 messages sent and not yet acknowledged now.</param>
public readonly record struct MqttClientCounters(
    long Published,
    long Received,
    long DroppedQoS0,
    long RefusedQueueFull,
    long Connections,
    int Pending,
    int InFlight);
