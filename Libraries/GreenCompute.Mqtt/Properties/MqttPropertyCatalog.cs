using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Properties;

/// <summary>The property table of spec 2.2.2.2: type, the packets that may carry it, and the value rules.</summary>
internal static class MqttPropertyCatalog
{
    private const MqttPropertyScope Message = MqttPropertyScope.Publish | MqttPropertyScope.Will;
    private const MqttPropertyScope Session = MqttPropertyScope.Connect | MqttPropertyScope.ConnAck;
    private const MqttPropertyScope Reasoned = MqttPropertyScope.ConnAck | MqttPropertyScope.PublishAck
        | MqttPropertyScope.SubAck | MqttPropertyScope.UnsubAck | MqttPropertyScope.Disconnect | MqttPropertyScope.Auth;

    private static readonly (MqttPropertyType Type, MqttPropertyScope Scopes)[] Entries = Build();

    public static bool TryGet(uint id, out MqttPropertyType type, out MqttPropertyScope scopes)
    {
        if (id < (uint)Entries.Length && Entries[id].Scopes != MqttPropertyScope.None)
        {
            (type, scopes) = Entries[id];
            return true;
        }

        (type, scopes) = (default, MqttPropertyScope.None);
        return false;
    }

    /// <summary>User Property may repeat anywhere; Subscription Identifier only in PUBLISH (spec 3.3.2.3.8).</summary>
    public static bool MayRepeat(MqttPropertyId id, MqttPropertyScope scope) =>
        id == MqttPropertyId.UserProperty
        || (id == MqttPropertyId.SubscriptionIdentifier && scope == MqttPropertyScope.Publish);

    /// <summary>Value rules the spec calls a Protocol Error.</summary>
    public static void ValidateValue(MqttProperty property)
    {
        switch (property.Id)
        {
            case MqttPropertyId.RequestProblemInformation or MqttPropertyId.RequestResponseInformation
                or MqttPropertyId.MaximumQoS or MqttPropertyId.RetainAvailable
                or MqttPropertyId.WildcardSubscriptionAvailable or MqttPropertyId.SubscriptionIdentifierAvailable
                or MqttPropertyId.SharedSubscriptionAvailable when property.IntegerValue > 1:
                throw MqttProtocolException.ProtocolError($"{property.Id} must be 0 or 1, was {property.IntegerValue}.");
            case MqttPropertyId.ReceiveMaximum or MqttPropertyId.MaximumPacketSize or MqttPropertyId.TopicAlias
                or MqttPropertyId.SubscriptionIdentifier when property.IntegerValue == 0:
                throw MqttProtocolException.ProtocolError($"{property.Id} must not be 0.");
        }
    }

    private static (MqttPropertyType, MqttPropertyScope)[] Build()
    {
        var entries = new (MqttPropertyType, MqttPropertyScope)[(int)MqttPropertyId.SharedSubscriptionAvailable + 1];
        void Add(MqttPropertyId id, MqttPropertyType type, MqttPropertyScope scopes) => entries[(int)id] = (type, scopes);

        Add(MqttPropertyId.PayloadFormatIndicator, MqttPropertyType.Byte, Message);
        Add(MqttPropertyId.MessageExpiryInterval, MqttPropertyType.FourByteInteger, Message);
        Add(MqttPropertyId.ContentType, MqttPropertyType.Utf8String, Message);
        Add(MqttPropertyId.ResponseTopic, MqttPropertyType.Utf8String, Message);
        Add(MqttPropertyId.CorrelationData, MqttPropertyType.BinaryData, Message);
        Add(MqttPropertyId.SubscriptionIdentifier, MqttPropertyType.VariableByteInteger, MqttPropertyScope.Publish | MqttPropertyScope.Subscribe);
        Add(MqttPropertyId.SessionExpiryInterval, MqttPropertyType.FourByteInteger, Session | MqttPropertyScope.Disconnect);
        Add(MqttPropertyId.AssignedClientIdentifier, MqttPropertyType.Utf8String, MqttPropertyScope.ConnAck);
        Add(MqttPropertyId.ServerKeepAlive, MqttPropertyType.TwoByteInteger, MqttPropertyScope.ConnAck);
        Add(MqttPropertyId.AuthenticationMethod, MqttPropertyType.Utf8String, Session | MqttPropertyScope.Auth);
        Add(MqttPropertyId.AuthenticationData, MqttPropertyType.BinaryData, Session | MqttPropertyScope.Auth);
        Add(MqttPropertyId.RequestProblemInformation, MqttPropertyType.Byte, MqttPropertyScope.Connect);
        Add(MqttPropertyId.WillDelayInterval, MqttPropertyType.FourByteInteger, MqttPropertyScope.Will);
        Add(MqttPropertyId.RequestResponseInformation, MqttPropertyType.Byte, MqttPropertyScope.Connect);
        Add(MqttPropertyId.ResponseInformation, MqttPropertyType.Utf8String, MqttPropertyScope.ConnAck);
        Add(MqttPropertyId.ServerReference, MqttPropertyType.Utf8String, MqttPropertyScope.ConnAck | MqttPropertyScope.Disconnect);
        Add(MqttPropertyId.ReasonString, MqttPropertyType.Utf8String, Reasoned);
        Add(MqttPropertyId.ReceiveMaximum, MqttPropertyType.TwoByteInteger, Session);
        Add(MqttPropertyId.TopicAliasMaximum, MqttPropertyType.TwoByteInteger, Session);
        Add(MqttPropertyId.TopicAlias, MqttPropertyType.TwoByteInteger, MqttPropertyScope.Publish);
        Add(MqttPropertyId.MaximumQoS, MqttPropertyType.Byte, MqttPropertyScope.ConnAck);
        Add(MqttPropertyId.RetainAvailable, MqttPropertyType.Byte, MqttPropertyScope.ConnAck);
        Add(MqttPropertyId.UserProperty, MqttPropertyType.Utf8StringPair, MqttPropertyScope.All);
        Add(MqttPropertyId.MaximumPacketSize, MqttPropertyType.FourByteInteger, Session);
        Add(MqttPropertyId.WildcardSubscriptionAvailable, MqttPropertyType.Byte, MqttPropertyScope.ConnAck);
        Add(MqttPropertyId.SubscriptionIdentifierAvailable, MqttPropertyType.Byte, MqttPropertyScope.ConnAck);
        Add(MqttPropertyId.SharedSubscriptionAvailable, MqttPropertyType.Byte, MqttPropertyScope.ConnAck);
        return entries;
    }
}
