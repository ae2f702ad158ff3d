namespace GreenCompute.Influx.Writing;

/// <summary>The classified answer to one write request.</summary>
internal sealed record WriteOutcome(
    WriteOutcomeKind Kind,
    int? StatusCode = null,
    string? Message = null,
    TimeSpan? RetryAfter = null,
    Exception? Exception = null)
{
    public static WriteOutcome Delivered { get; } = new(WriteOutcomeKind.Delivered, 204);

    public static WriteOutcomeKind Classify(int statusCode, string message) => statusCode switch
    {
        >= 200 and < 300 => WriteOutcomeKind.Delivered,
        400 when message.StartsWith("partial write", StringComparison.Ordinal) => WriteOutcomeKind.PartiallyRejected,
        422 => WriteOutcomeKind.PartiallyRejected,
        400 or 413 => WriteOutcomeKind.Rejected,
        429 or >= 500 => WriteOutcomeKind.ServerUnavailable,
        _ => WriteOutcomeKind.RequestRefused,
    };
}
