namespace GreenCompute.Grains.Messaging;

/// <summary>Which gc/v1 topic a message came on.</summary>
public enum TopicKind
{
    Telemetry,
    Status,
    Events,
    Commands,
    Prices,
    Weather,
}
