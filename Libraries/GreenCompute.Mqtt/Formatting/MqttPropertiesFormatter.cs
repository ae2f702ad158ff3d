using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Formatting;

/// <summary>
/// Property block (spec 2.2.2): a variable byte integer length, then identifier/value pairs. Unknown identifiers
/// and identifiers not valid for the packet are malformed; a duplicate of a non-repeatable one is a protocol error.
/// </summary>
internal static class MqttPropertiesFormatter
{
    public static MqttProperties Read(ref MqttSpanReader reader, MqttPropertyScope scope)
    {
        var length = reader.ReadVariableByteInteger();
        if (length > (uint)reader.Remaining)
        {
            throw MqttProtocolException.Malformed($"Property length {length} exceeds the {reader.Remaining} bytes left in the packet.");
        }

        if (length == 0)
        {
            return MqttProperties.Empty;
        }

        var block = new MqttSpanReader(reader.ReadSpan((int)length));
        var items = new List<MqttProperty>();
        ulong seen = 0;
        while (!block.End)
        {
            var id = block.ReadVariableByteInteger();
            var (propertyId, type) = CheckIdentifier(id, scope, ref seen);
            var property = type switch
            {
                MqttPropertyType.Byte => Integer(propertyId, block.ReadByte()),
                MqttPropertyType.TwoByteInteger => Integer(propertyId, block.ReadUInt16()),
                MqttPropertyType.FourByteInteger => Integer(propertyId, block.ReadUInt32()),
                MqttPropertyType.VariableByteInteger => Integer(propertyId, block.ReadVariableByteInteger()),
                MqttPropertyType.Utf8String => new MqttProperty(propertyId, 0, block.ReadString(), null, default),
                MqttPropertyType.BinaryData => new MqttProperty(propertyId, 0, null, null, block.ReadBinary()),
                _ => new MqttProperty(propertyId, 0, block.ReadString(), block.ReadString(), default),
            };
            MqttPropertyCatalog.ValidateValue(property);
            items.Add(property);
        }

        return MqttProperties.FromDecoded(items);
    }

    public static void Write(ref MqttSpanWriter writer, MqttProperties properties, MqttPropertyScope scope)
    {
        var measure = MqttSpanWriter.Measure();
        ulong seen = 0;
        var items = properties.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var property = items[i];
            var (_, type) = CheckIdentifier((uint)property.Id, scope, ref seen);
            MqttPropertyCatalog.ValidateValue(property);
            WriteOne(ref measure, property, type);
        }

        writer.WriteVariableByteInteger((uint)measure.Position);
        if (writer.IsMeasuring)
        {
            writer.AddMeasured(measure.Position);
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            MqttPropertyCatalog.TryGet((uint)items[i].Id, out var type, out _);
            WriteOne(ref writer, items[i], type);
        }
    }

    private static void WriteOne(ref MqttSpanWriter writer, MqttProperty property, MqttPropertyType type)
    {
        writer.WriteVariableByteInteger((uint)property.Id);
        switch (type)
        {
            case MqttPropertyType.Byte:
                writer.WriteByte((byte)property.IntegerValue);
                break;
            case MqttPropertyType.TwoByteInteger:
                writer.WriteUInt16((ushort)property.IntegerValue);
                break;
            case MqttPropertyType.FourByteInteger:
                writer.WriteUInt32(property.IntegerValue);
                break;
            case MqttPropertyType.VariableByteInteger:
                writer.WriteVariableByteInteger(property.IntegerValue);
                break;
            case MqttPropertyType.Utf8String:
                writer.WriteString(property.StringValue!);
                break;
            case MqttPropertyType.BinaryData:
                writer.WriteBinary(property.BinaryValue.Span);
                break;
            default:
                writer.WriteString(property.StringValue!);
                writer.WriteString(property.UserPropertyValue!);
                break;
        }
    }

    private static (MqttPropertyId Id, MqttPropertyType Type) CheckIdentifier(uint id, MqttPropertyScope scope, ref ulong seen)
    {
        if (!MqttPropertyCatalog.TryGet(id, out var type, out var scopes))
        {
            throw MqttProtocolException.Malformed($"Unknown property identifier 0x{id:X2}.");
        }

        var propertyId = (MqttPropertyId)id;
        if ((scopes & scope) == 0)
        {
            throw MqttProtocolException.Malformed($"Property {propertyId} is not valid in {scope}.");
        }

        var bit = 1UL << (int)id;
        if ((seen & bit) != 0 && !MqttPropertyCatalog.MayRepeat(propertyId, scope))
        {
            throw MqttProtocolException.ProtocolError($"Property {propertyId} appears more than once in {scope}.");
        }

        seen |= bit;
        return (propertyId, type);
    }

    private static MqttProperty Integer(MqttPropertyId id, uint value) => new(id, value, null, null, default);
}
