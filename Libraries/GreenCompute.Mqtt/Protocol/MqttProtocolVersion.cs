namespace GreenCompute.Mqtt.Protocol;

/// <summary>MQTT protocol level as carried in the CONNECT packet.</summary>
public enum MqttProtocolVersion : byte
{
    /// <summary>MQTT 3.1 (protocol name "MQIsdp"), decoded and encoded for interoperability only.</summary>
    V310 = 3,

    /// <summary>MQTT 3.1.1 (OASIS, protocol name "MQTT").</summary>
    V311 = 4,

    /// <summary>MQTT 5.0 (OASIS, protocol name "MQTT").</summary>
    V500 = 5,
}
