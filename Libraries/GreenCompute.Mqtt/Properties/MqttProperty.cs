namespace GreenCompute.Mqtt.Properties;

/// <summary>
/// One MQTT 5 property as it appears on the wire. Integer types (byte, two/four byte, variable byte) use
/// <see cref="IntegerValue"/>; strings <see cref="StringValue"/>; binary data <see cref="BinaryValue"/>; a user
/// property uses <see cref="StringValue"/> as its name and <see cref="UserPropertyValue"/> as its value.
/// </summary>
public sealed class MqttProperty
{
    internal MqttProperty(MqttPropertyId id, uint integerValue, string? stringValue, string? userPropertyValue, ReadOnlyMemory<byte> binaryValue)
    {
        Id = id;
        IntegerValue = integerValue;
        StringValue = stringValue;
        UserPropertyValue = userPropertyValue;
        BinaryValue = binaryValue;
    }

    public MqttPropertyId Id { get; }

    public uint IntegerValue { get; }

    public string? StringValue { get; }

    public string? UserPropertyValue { get; }

    public ReadOnlyMemory<byte> BinaryValue { get; }

    public static MqttProperty FromInteger(MqttPropertyId id, uint value)
    {
        var max = TypeOf(id) switch
        {
            MqttPropertyType.Byte => byte.MaxValue,
            MqttPropertyType.TwoByteInteger => ushort.MaxValue,
            MqttPropertyType.FourByteInteger => uint.MaxValue,
            MqttPropertyType.VariableByteInteger => Protocol.VariableByteInteger.MaxValue,
            _ => throw new ArgumentException($"{id} is not an integer property.", nameof(id)),
        };
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, max);
        return new MqttProperty(id, value, null, null, default);
    }

    public static MqttProperty FromString(MqttPropertyId id, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (TypeOf(id) != MqttPropertyType.Utf8String)
        {
            throw new ArgumentException($"{id} is not a string property.", nameof(id));
        }

        return new MqttProperty(id, 0, value, null, default);
    }

    public static MqttProperty FromBinary(MqttPropertyId id, ReadOnlyMemory<byte> value)
    {
        if (TypeOf(id) != MqttPropertyType.BinaryData)
        {
            throw new ArgumentException($"{id} is not a binary property.", nameof(id));
        }

        return new MqttProperty(id, 0, null, null, value);
    }

    public static MqttProperty FromUserProperty(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return new MqttProperty(MqttPropertyId.UserProperty, 0, name, value, default);
    }

    public override string ToString() => Id switch
    {
        MqttPropertyId.UserProperty => $"{Id}({StringValue}={UserPropertyValue})",
        _ when StringValue is not null => $"{Id}({StringValue})",
        _ when TypeOf(Id) == MqttPropertyType.BinaryData => $"{Id}({Convert.ToHexString(BinaryValue.Span)})",
        _ => $"{Id}({IntegerValue})",
    };

    private static MqttPropertyType TypeOf(MqttPropertyId id) =>
        MqttPropertyCatalog.TryGet((uint)id, out var type, out _)
            ? type
            : throw new ArgumentException($"Unknown property identifier {(byte)id}.", nameof(id));
}
