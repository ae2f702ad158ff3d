namespace GreenCompute.Mqtt.Client;

/// <summary>Raised when the client connects (with the CONNACK) or loses/closes its connection (with the reason).</summary>
public sealed class MqttConnectionStateChangedEventArgs(bool isConnected, MqttConnectResult? connectResult, string? reason) : EventArgs
{
    public bool IsConnected { get; } = isConnected;

    public MqttConnectResult? ConnectResult { get; } = connectResult;

    public string? Reason { get; } = reason;
}
