namespace GreenCompute.Mqtt.Client;

public enum MqttPublishStatus
{
    /// <summary>QoS 0 written to the network; QoS 1/2 acknowledged by the server with a success reason code.</summary>
    Delivered,

    /// <summary>The server answered with a reason code of 0x80 or more (MQTT 5), e.g. NotAuthorized or QuotaExceeded.</summary>
    Rejected,

    /// <summary>A QoS 0 message was dropped from the full pending queue (see <see cref="MqttClientOptions.PendingQueueCapacity"/>).</summary>
    Dropped,
}
