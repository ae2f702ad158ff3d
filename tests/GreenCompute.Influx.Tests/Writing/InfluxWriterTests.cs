using System.Net;
using GreenCompute.Influx.Http;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Influx.Writing;

namespace GreenCompute.Influx.Tests.Writing;

public sealed class InfluxWriterTests
{
    private static readonly Func<RecordedRequest, HttpResponseMessage> AlwaysStored = _ => ScriptedHandler.Answer(HttpStatusCode.NoContent);

    [Fact]
    public async Task WriteAsync_FullBatch_SendsWithoutWaitingForTheInterval()
    {
        await using var harness = new WriterHarness(AlwaysStored, options => options.MaxBatchPoints = 3);

        Assert.True(await harness.Writer.WriteAsync([Point(1), Point(2), Point(3)]));
        var request = await harness.Handler.NextRequestAsync("the batch of 3 points");

        Assert.Equal(["m,node=n1 v=1 1", "m,node=n1 v=2 2", "m,node=n1 v=3 3"], request.Lines);
        await Waits.For(harness.Writer.FlushAsync(), "the flush after the batch");
        Assert.Equal(3, harness.Writer.WrittenPoints);
        Assert.Equal(0, harness.Writer.BacklogPoints);
    }

    [Fact]
    public async Task WriteAsync_FewPoints_SentWhenTheFlushIntervalElapses()
    {
        await using var harness = new WriterHarness(AlwaysStored, options => options.FlushInterval = TimeSpan.FromSeconds(10));

        Assert.True(await harness.Writer.WriteAsync(Point(1)));
        Assert.Equal(0, harness.Handler.RequestCount);
        harness.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, harness.Handler.RequestCount);
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        var request = await harness.Handler.NextRequestAsync("the request after the flush interval");
        Assert.Equal(["m,node=n1 v=1 1"], request.Lines);
    }

    [Fact]
    public async Task WriteAsync_V1Target_PostsToWriteWithDatabasePolicyPrecisionAndBasicAuth()
    {
        var connection = new InfluxConnectionOptions
        {
            Url = new Uri("http://127.0.0.1:9/influx/"),
            Database = "gc db",
            RetentionPolicy = "week",
            Username = "user",
            Password = "secret",
        };
        await using var harness = new WriterHarness(AlwaysStored, connection: connection);

        await harness.Writer.WriteAsync(Point(5).Timestamp(1_700_000_000, WritePrecision.Seconds));
        await Waits.For(harness.Writer.FlushAsync(), "the flush");
        var request = await harness.Handler.NextRequestAsync("the write request");

        Assert.Equal("http://127.0.0.1:9/influx/write?db=gc%20db&rp=week&precision=s", request.Uri.AbsoluteUri);
        Assert.Equal("Basic " + Convert.ToBase64String("user:secret"u8.ToArray()), request.Authorization);
        Assert.Equal(HttpMethod.Post, request.Method);
    }

    [Fact]
    public async Task WriteAsync_V2Target_PostsToApiV2WriteWithTokenHeader()
    {
        var connection = new InfluxConnectionOptions
        {
            WriteApi = InfluxApiVersion.V2,
            Organization = "greencompute",
            Bucket = "telemetry",
            Token = "t0k3n",
        };
        await using var harness = new WriterHarness(AlwaysStored, connection: connection);

        await harness.Writer.WriteAsync(Point(1).Timestamp(7, WritePrecision.Microseconds));
        await Waits.For(harness.Writer.FlushAsync(), "the flush");
        var request = await harness.Handler.NextRequestAsync("the write request");

        Assert.Equal("http://127.0.0.1:8086/api/v2/write?org=greencompute&bucket=telemetry&precision=us", request.Uri.AbsoluteUri);
        Assert.Equal("Token t0k3n", request.Authorization);
    }

    [Fact]
    public async Task WriteAsync_LargeBatch_IsGzipped()
    {
        await using var harness = new WriterHarness(AlwaysStored, options => options.MaxBatchPoints = 100);

        await harness.Writer.WriteAsync(Enumerable.Range(0, 100).Select(Point).ToList());
        var request = await harness.Handler.NextRequestAsync("the batch of 100 points");

        Assert.True(request.Gzipped);
        Assert.Equal(100, request.Lines.Length);
        Assert.Equal("m,node=n1 v=99 99", request.Lines[^1]);
    }

    [Fact]
    public async Task WriteAsync_SmallBatch_IsSentPlain()
    {
        await using var harness = new WriterHarness(AlwaysStored);

        await harness.Writer.WriteAsync(Point(1));
        await Waits.For(harness.Writer.FlushAsync(), "the flush");

        Assert.False((await harness.Handler.NextRequestAsync("the write request")).Gzipped);
    }

    [Fact]
    public async Task WriteAsync_MixedPrecisions_SendsOneRequestPerPrecision()
    {
        await using var harness = new WriterHarness(AlwaysStored);

        await harness.Writer.WriteAsync([Point(1), Point(2).Timestamp(2, WritePrecision.Seconds), Point(3)]);
        await Waits.For(harness.Writer.FlushAsync(), "the flush");

        var first = await harness.Handler.NextRequestAsync("the nanosecond batch");
        var second = await harness.Handler.NextRequestAsync("the second batch");
        Assert.Equal("ns", Precision(first));
        Assert.Equal(["m,node=n1 v=1 1", "m,node=n1 v=3 3"], first.Lines);
        Assert.Equal("s", Precision(second));
        Assert.Equal(["m,node=n1 v=2 2"], second.Lines);
    }

    [Fact]
    public async Task WriteLinesAsync_ValidText_IsCheckedAndUnstampedLinesGetTheAcceptanceTime()
    {
        await using var harness = new WriterHarness(AlwaysStored);
        long now = WritePrecision.Nanoseconds.ToUnixTimestamp(harness.Time.GetUtcNow());

        Assert.True(await harness.Writer.WriteLinesAsync("cpu,host=a load=1\ncpu,host=b load=2i 5000", WritePrecision.Milliseconds));
        harness.Time.Advance(TimeSpan.FromMinutes(5)); // sent later: the stamp must still be the acceptance time
        await Waits.For(harness.Writer.FlushAsync(), "the flush");

        var request = await harness.Handler.NextRequestAsync("the write request");
        Assert.Equal($"cpu,host=a load=1 {now}", request.Lines[0]);
        Assert.Equal("cpu,host=b load=2i 5000000000", request.Lines[1]);
    }

    [Fact]
    public async Task WriteLinesAsync_MalformedLine_ThrowsAndAcceptsNothing()
    {
        await using var harness = new WriterHarness(AlwaysStored);

        var error = await Assert.ThrowsAsync<LineProtocolException>(() => harness.Writer.WriteLinesAsync("cpu load=1 1\ncpu load= 2"));

        Assert.Equal(2, error.Line);
        Assert.Equal(0, harness.Writer.AcceptedPoints);
        Assert.Equal(0, harness.Writer.BacklogPoints);
    }

    [Fact]
    public async Task WriteAsync_PointWithoutTimestamp_IsStampedWithTheInjectedClock()
    {
        await using var harness = new WriterHarness(AlwaysStored, options => options.DefaultTimestampPrecision = WritePrecision.Seconds);

        await harness.Writer.WriteAsync(PointData.Measurement("m").Field("v", 1.0));
        await Waits.For(harness.Writer.FlushAsync(), "the flush");

        var request = await harness.Handler.NextRequestAsync("the write request");
        Assert.Equal($"m v=1 {harness.Time.GetUtcNow().ToUnixTimeSeconds()}", request.Lines[0]);
        Assert.Equal("s", Precision(request));
    }

    [Fact]
    public async Task WriteAsync_BufferFull_RefusesTheWriteAndCountsItDropped()
    {
        await using var harness = new WriterHarness(AlwaysStored, options => options.MaxBufferedPoints = 3);

        Assert.True(await harness.Writer.WriteAsync([Point(1), Point(2)]));
        Assert.False(await harness.Writer.WriteAsync([Point(3), Point(4)]));
        Assert.True(await harness.Writer.WriteAsync(Point(5)));

        Assert.Equal(3, harness.Writer.AcceptedPoints);
        Assert.Equal(2, harness.Writer.DroppedPoints);
        Assert.Equal(3, harness.Writer.BacklogPoints);
    }

    [Fact]
    public async Task RestartWriter_NonEmptyBuffer_DeliversTheBacklogAtOnce()
    {
        bool serverUp = false;
        await using var harness = new WriterHarness(
            _ => ScriptedHandler.Answer(Volatile.Read(ref serverUp) ? HttpStatusCode.NoContent : HttpStatusCode.ServiceUnavailable),
            options => options.MaxBatchPoints = 2);

        await harness.Writer.WriteAsync([Point(1), Point(2)]);
        Assert.Equal(503, (await harness.NextErrorAsync("the 503 before the restart")).StatusCode);
        Volatile.Write(ref serverUp, true); // the old writer waits on the manual clock, so it cannot retry before the restart
        await harness.RestartWriterAsync();

        Assert.Equal(2, harness.Writer.BacklogPoints);
        await Waits.For(harness.Writer.FlushAsync(), "the backlog to be delivered after the restart");
        Assert.Equal(2, harness.Writer.WrittenPoints);
        Assert.Equal(0, harness.Writer.BacklogPoints);
    }

    [Fact]
    public async Task Constructor_SecondWriterOnTheSameBuffer_IsRefused()
    {
        await using var harness = new WriterHarness(AlwaysStored);
        using var http = new HttpClient(harness.Handler, disposeHandler: false);

        var error = Assert.Throws<InvalidOperationException>(() => new InfluxWriter(http, harness.Connection, harness.Options, harness.Time));

        Assert.Contains("locked by another writer", error.Message, StringComparison.Ordinal);
    }

    internal static PointData Point(int value) =>
        PointData.Measurement("m").Tag("node", "n1").Field("v", (double)value).Timestamp(value, WritePrecision.Nanoseconds);

    private static string Precision(RecordedRequest request) =>
        System.Web.HttpUtility.ParseQueryString(request.Uri.Query)["precision"]!;
}
