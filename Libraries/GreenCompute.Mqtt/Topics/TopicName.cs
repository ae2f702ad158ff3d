namespace GreenCompute.Mqtt.Topics;

/// <summary>Topic Name rules (spec 4.7): at least one character, no wildcards, a valid MQTT UTF-8 string.</summary>
public static class TopicName
{
    public static bool IsValid(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return topic.Length > 0 && !ContainsWildcard(topic) && TopicFilter.IsWireString(topic);
    }

    internal static bool ContainsWildcard(string topic) => topic.AsSpan().IndexOfAny('+', '#') >= 0;
}
