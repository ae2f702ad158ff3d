using System.Threading.Channels;
using GreenCompute.Influx.Http;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Querying;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Influx.Writing;

namespace GreenCompute.Influx.Tests.Writing;

/// <summary>The writer against a real influxd 1.6.7, with real time (short intervals) because influxd runs on it.</summary>
public sealed class InfluxWriterServerTests
{
    private const string Database = "gc";

    [Fact]
    public async Task WriteAsync_EveryFieldTypeAndEscape_ReadsBackUnchanged()
    {
        await using var server = await InfluxServer.StartAsync(Database);
        await using var client = new ServerClient(server);
        var point = PointData.Measurement("heat er,room")
            .Tag("ro om", "a,b=c d")
            .Tag("node", "ü-1")
            .Field("float", 1.5)
            .Field("whole float", 2.0)
            .Field("tiny", -0.000123)
            .Field("huge", 1e20)
            .Field("int", -42L)
            .Field("max int", long.MaxValue)
            .Field("flag", true)
            .Field("off", false)
            .Field("text", "quote \" backslash \\ newline \n tab \t ünï")
            .Field("comma,eq=sp ace", "v")
            .Timestamp(1_700_000_000_123_456_789, WritePrecision.Nanoseconds);

        await client.Writer.WriteAsync(point);
        await Waits.For(client.Writer.FlushAsync(), "the point to reach influxd");
        var series = Assert.Single((await client.Queries.QueryAsync("SELECT * FROM \"heat er,room\"")).AllSeries);
        var row = Assert.Single(series.Rows);

        Assert.Equal("heat er,room", series.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123).AddTicks(4567), row.Time);
        Assert.Equal("a,b=c d", row["ro om"].AsString());
        Assert.Equal("ü-1", row["node"].AsString());
        Assert.Equal(InfluxValueKind.Float, row["float"].Kind);
        Assert.Equal(1.5, row["float"].AsDouble());
        Assert.Equal(2.0, row["whole float"].AsDouble());
        Assert.Equal(-0.000123, row["tiny"].AsDouble());
        Assert.Equal(1e20, row["huge"].AsDouble());
        Assert.Equal(-42, row["int"].AsInt64());
        Assert.Equal(long.MaxValue, row["max int"].AsInt64());
        Assert.True(row["flag"].AsBoolean());
        Assert.False(row["off"].AsBoolean());
        Assert.Equal("quote \" backslash \\ newline \n tab \t ünï", row["text"].AsString());
        Assert.Equal("v", row["comma,eq=sp ace"].AsString());
        Assert.Equal(0, client.Writer.DroppedPoints);
    }

    [Fact]
    public async Task PartialWrite_UnparsableLine_GoodLinesStoredAndBadLineReported()
    {
        await using var server = await InfluxServer.StartAsync(Database);
        // The specification dialect writes unsigned integers, which 1.6.7 refuses ("invalid number").
        await using var client = new ServerClient(server, options => options.LineProtocol = LineProtocolOptions.Specification);

        await client.Writer.WriteAsync([
            PointData.Measurement("m").Field("v", 1L).Timestamp(1, WritePrecision.Seconds),
            PointData.Measurement("m").Field("v", 2UL).Timestamp(2, WritePrecision.Seconds),
            PointData.Measurement("m").Field("v", 3L).Timestamp(3, WritePrecision.Seconds),
        ]);
        await Waits.For(client.Writer.FlushAsync(), "the partial write to be settled");
        var error = await client.NextErrorAsync("the partial write report");

        Assert.Equal(InfluxWriteErrorKind.PointsRejected, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("partial write: unable to parse 'm v=2u 2': invalid number", error.Message, StringComparison.Ordinal);
        Assert.Equal(["m v=2u 2"], error.RejectedLines);
        Assert.Equal(1, client.Writer.DroppedPoints);
        Assert.Equal(2, client.Writer.WrittenPoints);
        Assert.Equal([1L, 3L], await client.ValuesAsync("SELECT v FROM m"));
    }

    [Fact]
    public async Task PartialWrite_TypeConflict_GoodLinesStoredAndDropCounted()
    {
        await using var server = await InfluxServer.StartAsync(Database);
        await server.WriteAsync(Database, "m v=0 0");
        await using var client = new ServerClient(server);

        await client.Writer.WriteAsync([
            PointData.Measurement("m").Field("v", 1.0).Timestamp(1, WritePrecision.Nanoseconds),
            PointData.Measurement("m").Field("v", "text").Timestamp(2, WritePrecision.Nanoseconds),
            PointData.Measurement("m").Field("v", 3.0).Timestamp(3, WritePrecision.Nanoseconds),
        ]);
        await Waits.For(client.Writer.FlushAsync(), "the partial write to be settled");
        var error = await client.NextErrorAsync("the type conflict report");

        Assert.Equal(InfluxWriteErrorKind.PointsRejected, error.Kind);
        Assert.Contains("field type conflict", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.DroppedPoints);
        Assert.Equal(0, client.Writer.BacklogPoints);
        Assert.Equal([0L, 1L, 3L], await client.ValuesAsync("SELECT v FROM m"));
    }

    [Fact]
    public async Task UnknownDatabase_ReportsTheServersErrorKeepsThePointsAndDeliversOnceCreated()
    {
        await using var server = await InfluxServer.StartAsync();
        await using var client = new ServerClient(server, database: "missing");

        await client.Writer.WriteAsync(PointData.Measurement("m").Field("v", 1.0).Timestamp(1, WritePrecision.Seconds));
        var flushed = client.Writer.FlushAsync();
        var error = await client.NextErrorAsync("the unknown database report");

        Assert.Equal(InfluxWriteErrorKind.RequestRefused, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("database not found: \"missing\"", error.Message);
        Assert.Equal(1, client.Writer.BacklogPoints);
        await server.CreateDatabaseAsync("missing");
        await Waits.For(flushed, "delivery once the database exists");
        Assert.Equal([1L], await client.ValuesAsync("SELECT v FROM m"));
    }

    [Fact]
    public async Task Outage_ServerKilledMidStreamAndRestarted_EveryPointArrivesExactlyOnce()
    {
        const int PerPhase = 200;
        await using var server = await InfluxServer.StartAsync(Database);
        await using var client = new ServerClient(server);
        var outageSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Writer.WriteError += (_, e) =>
        {
            if (e.Kind == InfluxWriteErrorKind.ServerUnavailable)
            {
                outageSeen.TrySetResult();
            }
        };

        await WriteRangeAsync(client.Writer, 0, PerPhase);
        await server.StopAsync();
        await WriteRangeAsync(client.Writer, PerPhase, 2 * PerPhase);
        await Waits.For(outageSeen.Task, "the writer to notice the outage");
        await server.StartProcessAsync();
        await WriteRangeAsync(client.Writer, 2 * PerPhase, 3 * PerPhase);
        await Waits.For(client.Writer.FlushAsync(), "every point to be delivered after the restart", TimeSpan.FromSeconds(60));

        var values = await client.ValuesAsync("SELECT seq FROM outage");
        Assert.Equal(Enumerable.Range(0, 3 * PerPhase).Select(i => (long)i), values.Order());
        Assert.Equal(3 * PerPhase, client.Writer.AcceptedPoints);
        Assert.Equal(0, client.Writer.DroppedPoints);
        Assert.True(client.Writer.RetryCount > 0);
    }

    [Fact]
    public async Task RestartWriter_BacklogFromAnOutage_IsDeliveredByTheNextWriter()
    {
        await using var server = await InfluxServer.StartAsync(Database);
        using var directory = new TempDirectory();
        await server.StopAsync();
        await using (var first = new ServerClient(server, directory: directory))
        {
            await WriteRangeAsync(first.Writer, 0, 100);
            await first.NextErrorAsync("the first writer to fail against the stopped server");
            Assert.Equal(100, first.Writer.BacklogPoints);
        }

        await server.StartProcessAsync();
        await using var second = new ServerClient(server, directory: directory);
        Assert.Equal(100, second.Writer.BacklogPoints);
        await Waits.For(second.Writer.FlushAsync(), "the backlog to be delivered by the second writer");

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), (await second.ValuesAsync("SELECT seq FROM outage")).Order());
    }

    private static async Task WriteRangeAsync(InfluxWriter writer, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            Assert.True(await writer.WriteAsync(PointData.Measurement("outage").Tag("node", "n" + (i % 3)).Field("seq", (long)i)
                .Timestamp(1_700_000_000_000 + i, WritePrecision.Milliseconds)));
        }
    }

    /// <summary>A writer (short intervals, own buffer folder) and a query client for one server.</summary>
    private sealed class ServerClient : IAsyncDisposable
    {
        private readonly HttpClient _http = new();
        private readonly Channel<InfluxWriteErrorEventArgs> _errors = Channel.CreateUnbounded<InfluxWriteErrorEventArgs>();
        private readonly TempDirectory? _ownDirectory;

        public ServerClient(InfluxServer server, Action<InfluxWriterOptions>? configure = null, string database = Database, TempDirectory? directory = null)
        {
            _ownDirectory = directory is null ? new TempDirectory() : null;
            var connection = new InfluxConnectionOptions { Url = server.Url, Database = database };
            var options = new InfluxWriterOptions
            {
                BufferPath = (directory ?? _ownDirectory)!.File("buffer.db"),
                MaxBatchPoints = 50,
                FlushInterval = TimeSpan.FromMilliseconds(20),
                RetryInitialDelay = TimeSpan.FromMilliseconds(20),
                RetryMaxDelay = TimeSpan.FromMilliseconds(200),
                ShutdownFlushTimeout = TimeSpan.Zero,
            };
            configure?.Invoke(options);
            Writer = new InfluxWriter(_http, connection, options);
            Writer.WriteError += (_, e) => _errors.Writer.TryWrite(e);
            Queries = new InfluxQueryClient(_http, connection);
        }

        public InfluxWriter Writer { get; }

        public InfluxQueryClient Queries { get; }

        public Task<InfluxWriteErrorEventArgs> NextErrorAsync(string what) => Waits.For(_errors.Reader.ReadAsync().AsTask(), what);

        /// <summary>The second column of every row, as integers.</summary>
        public async Task<List<long>> ValuesAsync(string influxQl) =>
            [.. (await Queries.QueryAsync(influxQl)).AllSeries.SelectMany(series => series.Rows).Select(row => row[1].AsInt64())];

        public async ValueTask DisposeAsync()
        {
            await Writer.DisposeAsync();
            _http.Dispose();
            _ownDirectory?.Dispose();
        }
    }
}
