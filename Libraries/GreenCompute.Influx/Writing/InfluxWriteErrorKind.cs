namespace GreenCompute.Influx.Writing;

public enum InfluxWriteErrorKind
{
    /// <summary>The server refused some lines for good (parse error, type conflict…); they were dropped and counted.</summary>
    PointsRejected,

    /// <summary>429, 5xx, no connection or timeout; the batch stays buffered and is retried after <see cref="InfluxWriteErrorEventArgs.RetryDelay"/>.</summary>
    ServerUnavailable,

    /// <summary>401, 403, 404 (unknown database or bucket) or another 4xx: a configuration problem; the batch stays buffered and is retried.</summary>
    RequestRefused,
}
