namespace GreenCompute.Mqtt.Properties;

/// <summary>An MQTT 5 User Property: a UTF-8 name/value pair; may repeat, order is kept.</summary>
public readonly record struct MqttUserProperty(string Name, string Value);
