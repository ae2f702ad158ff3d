using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Broker;

/// <summary>The last retained message per topic; an empty retained payload deletes it [MQTT-3.3.1-10]. Under BrokerCore's lock.</summary>
internal sealed class RetainedMessages
{
    private readonly Dictionary<string, BrokerMessage> _byTopic = new(StringComparer.Ordinal);

    public int Count => _byTopic.Count;

    public void Store(BrokerMessage message)
    {
        if (message.Payload.IsEmpty)
        {
            _byTopic.Remove(message.Topic);
        }
        else
        {
            _byTopic[message.Topic] = message;
        }
    }

    public IEnumerable<BrokerMessage> All => _byTopic.Values;

    public IEnumerable<BrokerMessage> Matching(string filter) => _byTopic.Values.Where(m => TopicFilter.Matches(filter, m.Topic));
}
