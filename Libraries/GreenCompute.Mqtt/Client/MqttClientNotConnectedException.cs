namespace GreenCompute.Mqtt.Client;

/// <summary>The operation needs a live connection (subscribe, unsubscribe), or the connection was lost while waiting for its answer.</summary>
public sealed class MqttClientNotConnectedException(string message) : Exception(message);
