namespace GreenCompute.Mqtt.Protocol;

/// <summary>MQTT 5 subscription option: when the server sends retained messages for a new subscription.</summary>
public enum MqttRetainHandling : byte
{
    SendAtSubscribe = 0,
    SendAtSubscribeIfNew = 1,
    DoNotSend = 2,
}
