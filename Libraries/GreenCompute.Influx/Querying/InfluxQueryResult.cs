namespace GreenCompute.Influx.Querying;

/// <summary>The successful results of a query, one per statement.</summary>
public sealed record InfluxQueryResult(IReadOnlyList<InfluxStatementResult> Statements)
{
    /// <summary>The series of every statement, in order.</summary>
    public IEnumerable<InfluxSeries> AllSeries => Statements.SelectMany(statement => statement.Series);
}
