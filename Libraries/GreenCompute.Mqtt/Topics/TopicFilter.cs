using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Topics;

/// <summary>
/// Topic Filter rules and matching (spec 4.7, 4.8.2): '/' separates levels, '+' is a whole level, '#' is a whole
/// level and the last one, "$share/{ShareName}/{filter}" is a shared subscription, and filters starting with a
/// wildcard do not match topics starting with '$'.
/// </summary>
public static class TopicFilter
{
    public const string SharePrefix = "$share/";

    public static bool IsValid(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!IsWireString(filter))
        {
            return false;
        }

        if (filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            return TryParseShared(filter, out _, out _);
        }

        return HasValidLevels(filter);
    }

    /// <summary>
    /// Splits "$share/{ShareName}/{filter}". False when <paramref name="filter"/> is not a shared subscription or the
    /// share name (non-empty, no '/', '+' or '#') or inner filter is invalid.
    /// </summary>
    public static bool TryParseShared(string filter, out string shareName, out string innerFilter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        shareName = "";
        innerFilter = "";
        if (!filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = filter.AsSpan(SharePrefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || rest[..slash].IndexOfAny('+', '#') >= 0 || slash == rest.Length - 1)
        {
            return false;
        }

        var inner = rest[(slash + 1)..].ToString();
        if (!HasValidLevels(inner))
        {
            return false;
        }

        shareName = rest[..slash].ToString();
        innerFilter = inner;
        return true;
    }

    /// <summary>
    /// True when <paramref name="topic"/> (a topic name) matches <paramref name="filter"/>. A shared subscription
    /// matches as its inner filter. Inputs are assumed valid (see <see cref="IsValid"/>, <see cref="TopicName.IsValid"/>).
    /// </summary>
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        if (TryParseShared(filter, out _, out var inner))
        {
            filter = inner;
        }

        if (filter.Length == 0 || topic.Length == 0)
        {
            return false;
        }

        if (topic[0] == '$' && filter[0] is '+' or '#')
        {
            return false;
        }

        int filterPosition = 0, topicPosition = 0;
        while (filterPosition >= 0)
        {
            var filterLevel = NextLevel(filter, ref filterPosition);
            if (filterLevel is "#")
            {
                return true;
            }

            if (topicPosition < 0)
            {
                return false;
            }

            var topicLevel = NextLevel(topic, ref topicPosition);
            if (filterLevel is not "+" && !filterLevel.SequenceEqual(topicLevel))
            {
                return false;
            }
        }

        return topicPosition < 0;
    }

    internal static bool IsWireString(string value) => MqttUtf8.TryGetByteCount(value, out _, out _);

    private static bool HasValidLevels(string filter)
    {
        if (filter.Length == 0)
        {
            return false;
        }

        var position = 0;
        while (position >= 0)
        {
            var level = NextLevel(filter, ref position);
            if (level.IndexOfAny('+', '#') < 0 || level is "+")
            {
                continue;
            }

            if (level is not "#" || position >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the level at <paramref name="position"/>; position becomes -1 after the last level.</summary>
    private static ReadOnlySpan<char> NextLevel(string value, ref int position)
    {
        var span = value.AsSpan(position);
        var slash = span.IndexOf('/');
        if (slash < 0)
        {
            position = -1;
            return span;
        }

        position += slash + 1;
        return span[..slash];
    }
}
