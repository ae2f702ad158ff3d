namespace GreenCompute.Influx.Querying;

/// <summary>The result of one statement of a query (a query may hold several, separated by <c>;</c>).</summary>
public sealed record InfluxStatementResult(int StatementId, IReadOnlyList<InfluxSeries> Series, IReadOnlyList<string> Messages);
