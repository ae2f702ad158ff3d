using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// MQTT 5 topic aliases towards the server (spec 3.3.2.3.4), when <see cref="MqttClientOptions.UseTopicAliases"/> is on:
/// the first PUBLISH on a topic carries the topic and a new alias, later ones only the alias (an empty topic), up to the
/// server's Topic Alias Maximum, first come first served; topics beyond it go out in full. Aliases live for one network
/// connection [MQTT-3.3.2-7]: <see cref="Reset"/> on each new one (messages resent after a reconnect set them up again).
/// Not thread-safe: used under the session's lock.
/// </summary>
internal sealed class OutgoingTopicAliases
{
    private readonly Dictionary<string, ushort> _aliases = new(StringComparer.Ordinal);
    private ushort _maximum;

    public void Reset(ushort serverMaximum)
    {
        _aliases.Clear();
        _maximum = serverMaximum;
    }

    public MqttPublishPacket Apply(MqttPublishPacket packet)
    {
        if (_maximum == 0 || packet.Topic.Length == 0)
        {
            return packet;
        }

        if (_aliases.TryGetValue(packet.Topic, out var alias))
        {
            return packet with { Topic = "", Properties = WithAlias(packet.Properties, alias) };
        }

        if (_aliases.Count >= _maximum)
        {
            return packet;
        }

        alias = (ushort)(_aliases.Count + 1);
        _aliases[packet.Topic] = alias;
        return packet with { Properties = WithAlias(packet.Properties, alias) };
    }

    private static MqttProperties WithAlias(MqttProperties properties, ushort alias) =>
        new([.. properties.Items, MqttProperty.FromInteger(MqttPropertyId.TopicAlias, alias)]);
}
