namespace GreenCompute.Mqtt.Properties;

/// <summary>Wire data type of a property value (spec 1.5).</summary>
internal enum MqttPropertyType
{
    Byte,
    TwoByteInteger,
    FourByteInteger,
    VariableByteInteger,
    Utf8String,
    BinaryData,
    Utf8StringPair,
}
