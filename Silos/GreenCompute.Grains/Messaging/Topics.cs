namespace GreenCompute.Grains.Messaging;

/// <summary>Builds and parses the DESIGN.md topics (gc/v1/nodes/{nodeId}/…, gc/v1/prices/{zone}, gc/v1/weather/{siteId}).</summary>
public static class Topics
{
    public const string Root = "gc/v1";
    public const string NodesPrefix = Root + "/nodes/";
    public const string PricesPrefix = Root + "/prices/";
    public const string WeatherPrefix = Root + "/weather/";

    /// <summary>The silo's shared-subscription group: several silos split the device topics between them.</summary>
    public const string SiloShareGroup = "silo";

    public static string Telemetry(string nodeId) => Node(nodeId, "telemetry");

    public static string Status(string nodeId) => Node(nodeId, "status");

    public static string Events(string nodeId) => Node(nodeId, "events");

    public static string Commands(string nodeId) => Node(nodeId, "commands");

    public static string Prices(string zone) => PricesPrefix + Level(zone, nameof(zone));

    public static string Weather(string siteId) => WeatherPrefix + Level(siteId, nameof(siteId));

    /// <summary>"$share/{group}/gc/v1/nodes/+/{leaf}" for the device topics a silo ingests.</summary>
    public static string SharedNodeFilter(string leaf, string group = SiloShareGroup) => $"$share/{group}/{NodesPrefix}+/{leaf}";

    /// <summary>Whether <paramref name="value"/> can be one topic level: non-empty, no '/', '+', '#' or NUL.</summary>
    public static bool IsValidLevel(string? value) =>
        !string.IsNullOrEmpty(value) && value.AsSpan().IndexOfAny("/+#\0") < 0;

    public static bool TryParse(string topic, out ParsedTopic parsed)
    {
        parsed = default;
        if (topic.StartsWith(NodesPrefix, StringComparison.Ordinal))
        {
            var rest = topic.AsSpan(NodesPrefix.Length);
            var slash = rest.IndexOf('/');
            if (slash <= 0)
            {
                return false;
            }

            TopicKind? kind = rest[(slash + 1)..] switch
            {
                "telemetry" => TopicKind.Telemetry,
                "status" => TopicKind.Status,
                "events" => TopicKind.Events,
                "commands" => TopicKind.Commands,
                _ => null,
            };
            return kind is { } k && Make(k, rest[..slash].ToString(), out parsed);
        }

        if (topic.StartsWith(PricesPrefix, StringComparison.Ordinal))
        {
            return Make(TopicKind.Prices, topic[PricesPrefix.Length..], out parsed);
        }

        return topic.StartsWith(WeatherPrefix, StringComparison.Ordinal) && Make(TopicKind.Weather, topic[WeatherPrefix.Length..], out parsed);
    }

    private static bool Make(TopicKind kind, string key, out ParsedTopic parsed)
    {
        parsed = IsValidLevel(key) ? new ParsedTopic(kind, key) : default;
        return IsValidLevel(key);
    }

    private static string Node(string nodeId, string leaf) => NodesPrefix + Level(nodeId, nameof(nodeId)) + "/" + leaf;

    private static string Level(string value, string name) =>
        IsValidLevel(value) ? value : throw new ArgumentException($"'{value}' cannot be one topic level (empty, or has '/', '+', '#').", name);
}
