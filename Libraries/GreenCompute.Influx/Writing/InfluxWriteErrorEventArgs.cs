namespace GreenCompute.Influx.Writing;

/// <summary>One delivery problem reported by <see cref="InfluxWriter.WriteError"/>.</summary>
public sealed class InfluxWriteErrorEventArgs : EventArgs
{
    public required InfluxWriteErrorKind Kind { get; init; }

    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The server's explanation (the <c>error</c>/<c>message</c> of its JSON body) or the network error.</summary>
    public required string Message { get; init; }

    /// <summary>For <see cref="InfluxWriteErrorKind.PointsRejected"/>: the lines the server named (it does not name type conflicts).</summary>
    public IReadOnlyList<string> RejectedLines { get; init; } = [];

    /// <summary>Points removed from the buffer without being stored (the server's own count for partial writes).</summary>
    public long DroppedPoints { get; init; }

    /// <summary>Points in the request that failed.</summary>
    public int BatchPoints { get; init; }

    /// <summary>For retried failures: how many attempts this batch has failed so far (1 after the first).</summary>
    public int Attempt { get; init; }

    /// <summary>For retried failures: how long the writer waits before the next attempt.</summary>
    public TimeSpan? RetryDelay { get; init; }

    public Exception? Exception { get; init; }

    public override string ToString() =>
        $"{Kind} (HTTP {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {Message}";
}
