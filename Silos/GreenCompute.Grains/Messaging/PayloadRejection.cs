namespace GreenCompute.Grains.Messaging;

/// <summary>
/// Why a payload was refused: <see cref="Code"/> is a short, stable category for counters (see the constants), and
/// <see cref="Message"/> says exactly what was wrong, for the log.
/// </summary>
public sealed record PayloadRejection(string Code, string Message)
{
    public const string UnknownTopic = "unknown-topic";
    public const string MalformedJson = "malformed-json";
    public const string SchemaVersion = "schema-version";
    public const string MissingField = "missing-field";
    public const string OutOfRange = "out-of-range";
    public const string TopicMismatch = "topic-mismatch";
    public const string RejectedByGrain = "rejected-by-grain";

    public override string ToString() => $"{Code}: {Message}";
}
