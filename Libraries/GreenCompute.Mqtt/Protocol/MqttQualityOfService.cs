namespace GreenCompute.Mqtt.Protocol;

/// <summary>Delivery guarantee of a PUBLISH, a will message or a subscription (the value 3 is malformed on the wire).</summary>
public enum MqttQualityOfService : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}
