namespace GreenCompute.Influx.Writing;

/// <summary>What the server's answer to one batch means for the lines in the buffer.</summary>
internal enum WriteOutcomeKind
{
    /// <summary>2xx: every line stored; remove the batch.</summary>
    Delivered,

    /// <summary>1.x 400 "partial write" or 2.x 422: the good lines were stored, the named ones refused; remove the batch.</summary>
    PartiallyRejected,

    /// <summary>400 (or 413) without a partial write: nothing stored, some line is bad; isolate it.</summary>
    Rejected,

    /// <summary>429, 5xx, no connection, timeout: keep the batch and retry after a backoff.</summary>
    ServerUnavailable,

    /// <summary>401, 403, 404 and other 4xx: a configuration problem (credentials, database); keep and retry.</summary>
    RequestRefused,
}
