using GreenCompute.Influx.Http;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Querying;
using GreenCompute.Influx.Tests.Fixtures;

namespace GreenCompute.Influx.Tests.Querying;

public sealed class InfluxQueryClientTests
{
    private const string Database = "q";

    [Fact]
    public async Task QueryAsync_GroupByTagAndTwoStatements_GivesTypedSeries()
    {
        await using var server = await InfluxServer.StartAsync(Database);
        await server.WriteAsync(Database, "temp,room=a v=20.5,n=1i,ok=true,s=\"x\" 60000000000\ntemp,room=b v=18 120000000000\ntemp v=3 180000000000");
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxConnectionOptions { Url = server.Url, Database = Database });

        var result = await client.QueryAsync("SELECT v, n, ok, s FROM temp GROUP BY room; SELECT count(v) FROM temp");

        Assert.Equal([0, 1], result.Statements.Select(statement => statement.StatementId));
        var groups = result.Statements[0].Series;
        Assert.Equal(["", "a", "b"], groups.Select(series => series.Tags["room"]));
        var a = Assert.Single(groups[1].Rows);
        Assert.Equal(["time", "v", "n", "ok", "s"], groups[1].Columns);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMinutes(1), a.Time);
        Assert.Equal(InfluxValue.FromDouble(20.5), a["v"]);
        Assert.Equal(InfluxValue.FromInt64(1), a["n"]);
        Assert.Equal(InfluxValue.FromBoolean(true), a["ok"]);
        Assert.Equal(InfluxValue.FromString("x"), a["s"]);
        Assert.True(groups[2].Rows[0]["n"].IsNull);
        Assert.Equal(18.0, groups[2].Rows[0]["v"].AsDouble());
        Assert.Equal(3, Assert.Single(result.Statements[1].Series).Rows[0]["count"].AsInt64());
    }

    [Fact]
    public async Task QueryAsync_EpochMilliseconds_DecodesTimeInThatUnit()
    {
        await using var server = await InfluxServer.StartAsync(Database);
        await server.WriteAsync(Database, "m v=1 1700000000123", "ms");
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxConnectionOptions { Url = server.Url, Database = Database }) { Epoch = WritePrecision.Milliseconds };

        var row = Assert.Single(Assert.Single((await client.QueryAsync("SELECT v FROM m")).AllSeries).Rows);

        Assert.Equal(1_700_000_000_123, row["time"].AsInt64());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), row.Time);
    }

    [Fact]
    public async Task QueryAsync_StatementErrorInside200_ThrowsWithTheStatementId()
    {
        await using var server = await InfluxServer.StartAsync(Database);
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxConnectionOptions { Url = server.Url, Database = Database });

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => client.QueryAsync("SHOW DATABASES; SELECT nosuchfunc(v) FROM m"));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(1, error.StatementId);
        Assert.Equal("undefined function nosuchfunc()", error.ServerMessage);
    }

    [Fact]
    public async Task QueryAsync_UnknownDatabase_ThrowsNamingIt()
    {
        await using var server = await InfluxServer.StartAsync();
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxConnectionOptions { Url = server.Url, Database = "nope" });

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => client.QueryAsync("SELECT * FROM m"));

        Assert.Equal("database not found: nope", error.ServerMessage);
        Assert.Equal(0, error.StatementId);
    }

    [Fact]
    public async Task QueryAsync_InvalidInfluxQl_ThrowsWithStatus400()
    {
        await using var server = await InfluxServer.StartAsync(Database);
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxConnectionOptions { Url = server.Url, Database = Database });

        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => client.QueryAsync("SELEC * FROM m"));

        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("error parsing query: found SELEC, expected SELECT", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_CreateDatabase_IsListedAfterwards()
    {
        await using var server = await InfluxServer.StartAsync();
        using var http = new HttpClient();
        var client = new InfluxQueryClient(http, new InfluxConnectionOptions { Url = server.Url });

        var created = await client.ExecuteAsync("CREATE DATABASE \"new db\"");
        var databases = await client.QueryAsync("SHOW DATABASES", database: null);

        Assert.Empty(Assert.Single(created.Statements).Messages);
        var names = Assert.Single(databases.AllSeries).Rows.Select(row => row["name"].AsString());
        Assert.Contains("new db", names);
    }

    [Fact]
    public async Task QueryAsync_QuotedNamesAndValues_MatchWhatWasWritten()
    {
        await using var server = await InfluxServer.StartAsync(Database);
        using var http = new HttpClient();
        var connection = new InfluxConnectionOptions { Url = server.Url, Database = Database };
        string line = PointData.Measurement("we\"ird m").Tag("ta\"g", "it's a \\ path").Field("fi\"eld", 7L).Timestamp(1, WritePrecision.Seconds).ToLineProtocol();
        await server.WriteAsync(Database, line, "s");
        var client = new InfluxQueryClient(http, connection);

        var result = await client.QueryAsync(
            $"SELECT {InfluxQl.QuoteIdentifier("fi\"eld")} FROM {InfluxQl.QuoteIdentifier("we\"ird m")} " +
            $"WHERE {InfluxQl.QuoteIdentifier("ta\"g")} = {InfluxQl.QuoteString("it's a \\ path")}");

        Assert.Equal(7, Assert.Single(Assert.Single(result.AllSeries).Rows)[1].AsInt64());
    }
}
