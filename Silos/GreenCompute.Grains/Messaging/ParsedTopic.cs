namespace GreenCompute.Grains.Messaging;

/// <summary>A gc/v1 topic taken apart: its kind and its key (node id, zone or site id).</summary>
public readonly record struct ParsedTopic(TopicKind Kind, string Key);
