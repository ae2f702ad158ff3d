namespace GreenCompute.Mqtt.Protocol;

/// <summary>
/// A packet broke the MQTT specification: thrown by the decoder for every malformed input and by the encoder
/// for a packet that cannot be put on the wire. <see cref="ReasonCode"/> is what an MQTT 5 peer would send in
/// its DISCONNECT (or CONNACK); the connection must be closed either way.
/// </summary>
public sealed class MqttProtocolException : Exception
{
    public MqttProtocolException(MqttReasonCode reasonCode, string message)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    public MqttReasonCode ReasonCode { get; }

    internal static MqttProtocolException Malformed(string message) => new(MqttReasonCode.MalformedPacket, message);

    internal static MqttProtocolException ProtocolError(string message) => new(MqttReasonCode.ProtocolError, message);
}
