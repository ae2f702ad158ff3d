using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Properties;

/// <summary>
/// The ordered property list of an MQTT 5 packet or will message. Order is kept as decoded (or as set in an
/// object initializer) so a decoded packet re-encodes byte for byte. Typed accessors read the first occurrence;
/// setting one replaces that property in place or appends it. Empty for MQTT 3.1.1.
/// </summary>
public sealed class MqttProperties
{
    private readonly List<MqttProperty> _items;

    public MqttProperties()
    {
        _items = [];
    }

    public MqttProperties(IEnumerable<MqttProperty> items)
    {
        _items = [.. items];
    }

    private MqttProperties(List<MqttProperty> items)
    {
        _items = items;
    }

    public static MqttProperties Empty { get; } = new();

    public IReadOnlyList<MqttProperty> Items => _items;

    public bool IsEmpty => _items.Count == 0;

    public byte? PayloadFormatIndicator { get => (byte?)GetInteger(MqttPropertyId.PayloadFormatIndicator); init => SetInteger(MqttPropertyId.PayloadFormatIndicator, value); }

    public uint? MessageExpiryInterval { get => GetInteger(MqttPropertyId.MessageExpiryInterval); init => SetInteger(MqttPropertyId.MessageExpiryInterval, value); }

    public string? ContentType { get => GetString(MqttPropertyId.ContentType); init => SetString(MqttPropertyId.ContentType, value); }

    public string? ResponseTopic { get => GetString(MqttPropertyId.ResponseTopic); init => SetString(MqttPropertyId.ResponseTopic, value); }

    public ReadOnlyMemory<byte>? CorrelationData { get => GetBinary(MqttPropertyId.CorrelationData); init => SetBinary(MqttPropertyId.CorrelationData, value); }

    /// <summary>In PUBLISH: one per matching subscription. In SUBSCRIBE: at most one.</summary>
    public IReadOnlyList<uint> SubscriptionIdentifiers
    {
        // The broker asks on every PUBLISH, which almost never has properties: no iterator, no array then.
        get => _items.Count == 0 ? [] : [.. _items.Where(p => p.Id == MqttPropertyId.SubscriptionIdentifier).Select(p => p.IntegerValue)];
        init => SetAll(MqttPropertyId.SubscriptionIdentifier, value.Select(v => MqttProperty.FromInteger(MqttPropertyId.SubscriptionIdentifier, v)));
    }

    public uint? SessionExpiryInterval { get => GetInteger(MqttPropertyId.SessionExpiryInterval); init => SetInteger(MqttPropertyId.SessionExpiryInterval, value); }

    public string? AssignedClientIdentifier { get => GetString(MqttPropertyId.AssignedClientIdentifier); init => SetString(MqttPropertyId.AssignedClientIdentifier, value); }

    public ushort? ServerKeepAlive { get => (ushort?)GetInteger(MqttPropertyId.ServerKeepAlive); init => SetInteger(MqttPropertyId.ServerKeepAlive, value); }

    public string? AuthenticationMethod { get => GetString(MqttPropertyId.AuthenticationMethod); init => SetString(MqttPropertyId.AuthenticationMethod, value); }

    public ReadOnlyMemory<byte>? AuthenticationData { get => GetBinary(MqttPropertyId.AuthenticationData); init => SetBinary(MqttPropertyId.AuthenticationData, value); }

    public bool? RequestProblemInformation { get => GetBool(MqttPropertyId.RequestProblemInformation); init => SetBool(MqttPropertyId.RequestProblemInformation, value); }

    public uint? WillDelayInterval { get => GetInteger(MqttPropertyId.WillDelayInterval); init => SetInteger(MqttPropertyId.WillDelayInterval, value); }

    public bool? RequestResponseInformation { get => GetBool(MqttPropertyId.RequestResponseInformation); init => SetBool(MqttPropertyId.RequestResponseInformation, value); }

    public string? ResponseInformation { get => GetString(MqttPropertyId.ResponseInformation); init => SetString(MqttPropertyId.ResponseInformation, value); }

    public string? ServerReference { get => GetString(MqttPropertyId.ServerReference); init => SetString(MqttPropertyId.ServerReference, value); }

    public string? ReasonString { get => GetString(MqttPropertyId.ReasonString); init => SetString(MqttPropertyId.ReasonString, value); }

    public ushort? ReceiveMaximum { get => (ushort?)GetInteger(MqttPropertyId.ReceiveMaximum); init => SetInteger(MqttPropertyId.ReceiveMaximum, value); }

    public ushort? TopicAliasMaximum { get => (ushort?)GetInteger(MqttPropertyId.TopicAliasMaximum); init => SetInteger(MqttPropertyId.TopicAliasMaximum, value); }

    public ushort? TopicAlias { get => (ushort?)GetInteger(MqttPropertyId.TopicAlias); init => SetInteger(MqttPropertyId.TopicAlias, value); }

    public MqttQualityOfService? MaximumQoS { get => (MqttQualityOfService?)GetInteger(MqttPropertyId.MaximumQoS); init => SetInteger(MqttPropertyId.MaximumQoS, (uint?)value); }

    public bool? RetainAvailable { get => GetBool(MqttPropertyId.RetainAvailable); init => SetBool(MqttPropertyId.RetainAvailable, value); }

    public IReadOnlyList<MqttUserProperty> UserProperties
    {
        get => [.. _items.Where(p => p.Id == MqttPropertyId.UserProperty).Select(p => new MqttUserProperty(p.StringValue!, p.UserPropertyValue!))];
        init => SetAll(MqttPropertyId.UserProperty, value.Select(u => MqttProperty.FromUserProperty(u.Name, u.Value)));
    }

    public uint? MaximumPacketSize { get => GetInteger(MqttPropertyId.MaximumPacketSize); init => SetInteger(MqttPropertyId.MaximumPacketSize, value); }

    public bool? WildcardSubscriptionAvailable { get => GetBool(MqttPropertyId.WildcardSubscriptionAvailable); init => SetBool(MqttPropertyId.WildcardSubscriptionAvailable, value); }

    public bool? SubscriptionIdentifierAvailable { get => GetBool(MqttPropertyId.SubscriptionIdentifierAvailable); init => SetBool(MqttPropertyId.SubscriptionIdentifierAvailable, value); }

    public bool? SharedSubscriptionAvailable { get => GetBool(MqttPropertyId.SharedSubscriptionAvailable); init => SetBool(MqttPropertyId.SharedSubscriptionAvailable, value); }

    public override string ToString() => $"[{string.Join(", ", _items)}]";

    /// <summary>Takes ownership of a list the decoder built (no copy).</summary>
    internal static MqttProperties FromDecoded(List<MqttProperty> items) => new(items);

    private MqttProperty? Find(MqttPropertyId id)
    {
        // A loop, not List.Find: the codec reads TopicAlias on every PUBLISH and a lambda would allocate.
        foreach (var item in _items)
        {
            if (item.Id == id)
            {
                return item;
            }
        }

        return null;
    }

    private uint? GetInteger(MqttPropertyId id) => Find(id)?.IntegerValue;

    private bool? GetBool(MqttPropertyId id) => Find(id) is { } p ? p.IntegerValue != 0 : null;

    private string? GetString(MqttPropertyId id) => Find(id)?.StringValue;

    private ReadOnlyMemory<byte>? GetBinary(MqttPropertyId id) => Find(id)?.BinaryValue;

    private void SetInteger(MqttPropertyId id, uint? value) => Set(id, value is { } v ? MqttProperty.FromInteger(id, v) : null);

    private void SetBool(MqttPropertyId id, bool? value) => SetInteger(id, value is { } v ? (v ? 1u : 0u) : null);

    private void SetString(MqttPropertyId id, string? value) => Set(id, value is null ? null : MqttProperty.FromString(id, value));

    private void SetBinary(MqttPropertyId id, ReadOnlyMemory<byte>? value) => Set(id, value is { } v ? MqttProperty.FromBinary(id, v) : null);

    private void Set(MqttPropertyId id, MqttProperty? property)
    {
        var index = _items.FindIndex(p => p.Id == id);
        if (index < 0)
        {
            if (property is not null)
            {
                _items.Add(property);
            }
        }
        else if (property is null)
        {
            _items.RemoveAt(index);
        }
        else
        {
            _items[index] = property;
        }
    }

    private void SetAll(MqttPropertyId id, IEnumerable<MqttProperty> properties)
    {
        _items.RemoveAll(p => p.Id == id);
        _items.AddRange(properties);
    }
}
