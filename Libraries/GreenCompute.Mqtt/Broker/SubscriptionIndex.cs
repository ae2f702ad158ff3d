namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// A topic tree of the non-shared subscriptions: one node per filter level ('+' is a child like any other, '#' is kept
/// on the node it follows). <see cref="Collect"/> returns the sessions that may have a matching subscription — a
/// superset: the caller still checks each subscription with the exact matching rules ('$' topics and the like). Routing
/// then costs the depth of the topic, not the number of sessions (a fleet has one session per device).
/// Not thread-safe: runs under <see cref="BrokerCore"/>'s lock.
/// </summary>
internal sealed class SubscriptionIndex
{
    private readonly Node _root = new();

    public void Add(BrokerSession session, string filter)
    {
        var node = _root;
        foreach (var level in filter.Split('/'))
        {
            if (level == "#")
            {
                (node.Hash ??= []).Add(session);
                return;
            }

            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(level, out var child))
            {
                node.Children[level] = child = new Node();
            }

            node = child;
        }

        (node.Here ??= []).Add(session);
    }

    public void Remove(BrokerSession session, string filter)
    {
        var levels = filter.Split('/');
        var path = new List<(Node Parent, string Level)>(levels.Length);
        var node = _root;
        foreach (var level in levels)
        {
            if (level == "#")
            {
                node.Hash?.Remove(session);
                Prune(node, path);
                return;
            }

            if (node.Children is null || !node.Children.TryGetValue(level, out var child))
            {
                return;
            }

            path.Add((node, level));
            node = child;
        }

        node.Here?.Remove(session);
        Prune(node, path);
    }

    /// <summary>Adds to <paramref name="into"/> every session with a subscription that may match <paramref name="topic"/>.</summary>
    public void Collect(string topic, HashSet<BrokerSession> into) => Visit(_root, topic.Split('/'), 0, into);

    private static void Visit(Node node, string[] levels, int i, HashSet<BrokerSession> into)
    {
        // "a/#" also matches "a" itself [MQTT-4.7.1-2].
        if (node.Hash is { } hash)
        {
            into.UnionWith(hash);
        }

        if (i == levels.Length)
        {
            if (node.Here is { } here)
            {
                into.UnionWith(here);
            }

            return;
        }

        if (node.Children is not { } children)
        {
            return;
        }

        if (children.TryGetValue(levels[i], out var exact))
        {
            Visit(exact, levels, i + 1, into);
        }

        if (levels[i] != "+" && children.TryGetValue("+", out var any))
        {
            Visit(any, levels, i + 1, into);
        }
    }

    private static void Prune(Node node, List<(Node Parent, string Level)> path)
    {
        for (var i = path.Count - 1; i >= 0 && node.IsEmpty; i--)
        {
            var (parent, level) = path[i];
            parent.Children!.Remove(level);
            node = parent;
        }
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public HashSet<BrokerSession>? Here { get; set; }

        public HashSet<BrokerSession>? Hash { get; set; }

        public bool IsEmpty => (Children is null || Children.Count == 0) && (Here is null || Here.Count == 0) && (Hash is null || Hash.Count == 0);
    }
}
