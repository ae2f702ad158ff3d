using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Querying;

namespace GreenCompute.Influx.Tests.Querying;

/// <summary>Answers as InfluxDB 1.6.7 sent them (vectors/influx/influxdb-1.6.7-http-probes.raw.txt).</summary>
public sealed class QueryResponseParserTests
{
    [Fact]
    public void Parse_ChunkedAnswer_MergesTheChunksOfAStatement()
    {
        const string body = """
            {"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","host","value"],"values":[["1970-01-01T00:00:00.000000001Z","a",1]],"partial":true}],"partial":true}]}
            {"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","host","value"],"values":[["1970-01-01T00:00:00.000000002Z",null,2]],"partial":true}],"partial":true}]}
            {"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","host","value"],"values":[["1970-01-01T00:00:00.000000004Z",null,4]]}]}]}
            """;

        var statement = Assert.Single(QueryResponseParser.Parse(body, WritePrecision.Nanoseconds).Statements);

        Assert.Equal(3, statement.Series.Count);
        Assert.Equal([true, true, false], statement.Series.Select(series => series.Partial));
        Assert.Equal(DateTimeOffset.UnixEpoch, statement.Series[0].Rows[0].Time); // 1 ns rounds down to the 100 ns tick
        Assert.Equal(4.0, statement.Series[2].Rows[0]["value"].AsDouble());
    }

    [Fact]
    public void Parse_NumbersBeyondInt64AndFractions_AreFloats()
    {
        const string body = """{"results":[{"statement_id":0,"series":[{"name":"f","columns":["time","v"],"values":[[1,100000000000000000000],[2,0.00001],[3,-0],[4,9223372036854775807]]}]}]}""";

        var rows = Assert.Single(QueryResponseParser.Parse(body, WritePrecision.Nanoseconds).AllSeries).Rows;

        Assert.Equal(InfluxValue.FromDouble(1e20), rows[0]["v"]);
        Assert.Equal(InfluxValue.FromDouble(0.00001), rows[1]["v"]);
        Assert.Equal(InfluxValue.FromInt64(0), rows[2]["v"]);
        Assert.Equal(InfluxValue.FromInt64(long.MaxValue), rows[3]["v"]);
    }

    [Fact]
    public void Parse_WarningMessages_AreKept()
    {
        const string body = """{"results":[{"statement_id":0,"messages":[{"level":"warning","text":"deprecated use of 'CREATE DATABASE zz' in a read only context, please use a POST request instead"}]}]}""";

        var statement = Assert.Single(QueryResponseParser.Parse(body, WritePrecision.Nanoseconds).Statements);

        Assert.StartsWith("deprecated use of", Assert.Single(statement.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_ThrowsQueryException() =>
        Assert.Throws<InfluxQueryException>(() => QueryResponseParser.Parse("404 page not found", WritePrecision.Nanoseconds));
}
