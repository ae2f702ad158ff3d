using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// The GreenCompute device ACL: a device authenticates with its node id as user name and may publish and subscribe only
/// under "gc/v1/nodes/{node id}/…". A filter qualifies only when its node level is that literal id, so "gc/v1/nodes/+/…"
/// and "#" are refused. Service accounts (the silo, operators) listed at construction may use every topic.
/// </summary>
public sealed class MqttDeviceAcl(IEnumerable<string>? serviceUserNames = null) : IMqttBrokerAuthorizer
{
    public const string NodesPrefix = "gc/v1/nodes/";

    private readonly HashSet<string> _serviceUserNames = new(serviceUserNames ?? [], StringComparer.Ordinal);

    public bool CanPublish(string clientId, string? userName, string topic) =>
        IsService(userName) || IsUnderOwnNode(userName, topic);

    public bool CanSubscribe(string clientId, string? userName, string topicFilter)
    {
        if (IsService(userName))
        {
            return true;
        }

        var filter = TopicFilter.TryParseShared(topicFilter, out _, out var inner) ? inner : topicFilter;
        return IsUnderOwnNode(userName, filter);
    }

    private static bool IsUnderOwnNode(string? nodeId, string topicOrFilter)
    {
        // A node id that is not a single plain level could widen the prefix ("a/b", "+", "#"): refuse it outright.
        if (string.IsNullOrEmpty(nodeId) || nodeId.AsSpan().IndexOfAny("/+#") >= 0)
        {
            return false;
        }

        return topicOrFilter.Length > NodesPrefix.Length + nodeId.Length + 1
            && topicOrFilter.StartsWith(NodesPrefix, StringComparison.Ordinal)
            && topicOrFilter.AsSpan(NodesPrefix.Length).StartsWith(nodeId, StringComparison.Ordinal)
            && topicOrFilter[NodesPrefix.Length + nodeId.Length] == '/';
    }

    private bool IsService(string? userName) => userName is not null && _serviceUserNames.Contains(userName);
}
