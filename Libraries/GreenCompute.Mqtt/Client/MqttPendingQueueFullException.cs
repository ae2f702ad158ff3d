namespace GreenCompute.Mqtt.Client;

/// <summary>A QoS 1/2 publish was refused because the pending queue holds <see cref="Capacity"/> messages and none is QoS 0.</summary>
public sealed class MqttPendingQueueFullException(int capacity)
    : Exception($"The MQTT pending queue is full ({capacity} messages, none of them QoS 0); the QoS 1/2 message was not accepted.")
{
    public int Capacity { get; } = capacity;
}
