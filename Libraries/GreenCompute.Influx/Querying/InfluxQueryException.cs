namespace GreenCompute.Influx.Querying;

/// <summary>
/// A query failed: the server refused the request (4xx/5xx, e.g. an InfluxQL syntax error), or a statement failed
/// inside a 200 answer (unknown database, unknown function…), or the answer could not be read.
/// </summary>
public sealed class InfluxQueryException : Exception
{
    public InfluxQueryException(string message, int? statusCode, int? statementId, string serverMessage, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        StatementId = statementId;
        ServerMessage = serverMessage;
    }

    /// <summary>The HTTP status of the answer (200 for a statement error), or null when none arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The failing statement, when the server said which.</summary>
    public int? StatementId { get; }

    /// <summary>The server's own words (<c>error</c> of the JSON body).</summary>
    public string ServerMessage { get; }
}
