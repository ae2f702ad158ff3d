using System.Net;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Influx.Writing;
using static GreenCompute.Influx.Tests.Writing.InfluxWriterTests;

namespace GreenCompute.Influx.Tests.Writing;

public sealed class InfluxWriterRetryTests
{
    [Fact]
    public async Task Status429WithRetryAfter_WaitsExactlyThatLong()
    {
        int calls = 0;
        await using var harness = new WriterHarness(_ =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                return ScriptedHandler.Answer(HttpStatusCode.NoContent);
            }

            var busy = ScriptedHandler.Answer(HttpStatusCode.TooManyRequests, """{"code":"too many requests","message":"slow down"}""");
            busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return busy;
        });

        await harness.Writer.WriteAsync(Point(1));
        var flushed = harness.Writer.FlushAsync();
        var error = await harness.NextErrorAsync("the 429 report");
        await harness.Handler.NextRequestAsync("the first attempt");

        Assert.Equal(InfluxWriteErrorKind.ServerUnavailable, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal("slow down", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryDelay);
        harness.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, harness.Handler.RequestCount);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.Handler.NextRequestAsync("the retry after Retry-After");
        await Waits.For(flushed, "the flush after the retry");
        Assert.Equal(1, harness.Writer.RetryCount);
    }

    [Fact]
    public async Task Status503_RetriesWithGrowingJitteredDelaysUpToTheCap()
    {
        int calls = 0;
        await using var harness = new WriterHarness(
            _ => ScriptedHandler.Answer(Interlocked.Increment(ref calls) <= 4 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.NoContent),
            options =>
            {
                options.RetryInitialDelay = TimeSpan.FromSeconds(1);
                options.RetryBackoffFactor = 2;
                options.RetryMaxDelay = TimeSpan.FromSeconds(5);
            });

        await harness.Writer.WriteAsync(Point(1));
        var flushed = harness.Writer.FlushAsync();
        (double Low, double High)[] expected = [(1, 2), (2, 4), (2.5, 5), (2.5, 5)];
        for (int attempt = 1; attempt <= 4; attempt++)
        {
            var error = await harness.NextErrorAsync($"the report of attempt {attempt}");
            Assert.Equal(attempt, error.Attempt);
            Assert.Equal(503, error.StatusCode);
            Assert.InRange(error.RetryDelay!.Value.TotalSeconds, expected[attempt - 1].Low, expected[attempt - 1].High);
            harness.Time.Advance(error.RetryDelay.Value);
        }

        await Waits.For(flushed, "the flush after four 503s");
        Assert.Equal(4, harness.Writer.RetryCount);
        Assert.Equal(1, harness.Writer.WrittenPoints);
    }

    [Fact]
    public async Task Status404_KeepsThePointsAndReportsTheServersMessage()
    {
        bool created = false;
        await using var harness = new WriterHarness(_ => Volatile.Read(ref created)
            ? ScriptedHandler.Answer(HttpStatusCode.NoContent)
            : ScriptedHandler.Answer(HttpStatusCode.NotFound, """{"error":"database not found: \"db\""}"""));

        await harness.Writer.WriteAsync(Point(1));
        var flushed = harness.Writer.FlushAsync();
        var error = await harness.NextErrorAsync("the 404 report");

        Assert.Equal(InfluxWriteErrorKind.RequestRefused, error.Kind);
        Assert.Equal("database not found: \"db\"", error.Message);
        Assert.Equal(1, harness.Writer.BacklogPoints);
        Volatile.Write(ref created, true);
        harness.Time.Advance(error.RetryDelay!.Value);
        await Waits.For(flushed, "the flush once the database exists");
        Assert.Equal(0, harness.Writer.DroppedPoints);
    }

    [Fact]
    public async Task Status400WithoutPartialWrite_IsolatesTheBadLineAndDeliversTheRest()
    {
        var stored = new List<string>();
        await using var harness = new WriterHarness(request =>
        {
            string? bad = request.Lines.FirstOrDefault(line => line.Contains("v=5 ", StringComparison.Ordinal));
            if (bad is not null)
            {
                return ScriptedHandler.Answer(HttpStatusCode.BadRequest, $$"""{"code":"invalid","message":"unable to parse '{{bad}}': bad value"}""");
            }

            lock (stored)
            {
                stored.AddRange(request.Lines);
            }

            return ScriptedHandler.Answer(HttpStatusCode.NoContent);
        });

        await harness.Writer.WriteAsync(Enumerable.Range(0, 8).Select(Point).ToList());
        await Waits.For(harness.Writer.FlushAsync(), "the flush with one bad line");
        var error = await harness.NextErrorAsync("the rejection report");

        Assert.Equal(InfluxWriteErrorKind.PointsRejected, error.Kind);
        Assert.Equal(["m,node=n1 v=5 5"], error.RejectedLines);
        Assert.Equal(1, error.DroppedPoints);
        Assert.Equal(7, stored.Count);
        Assert.DoesNotContain("m,node=n1 v=5 5", stored);
        Assert.Equal(1, harness.Writer.DroppedPoints);
        Assert.Equal(7, harness.Writer.WrittenPoints);
    }

    [Fact]
    public async Task Status422_RemovesTheBatchAndCountsTheServersDrops()
    {
        await using var harness = new WriterHarness(_ => ScriptedHandler.Answer(
            HttpStatusCode.UnprocessableEntity,
            """{"code":"unprocessable entity","message":"failure writing points to database: partial write: points beyond retention policy dropped=2"}"""));

        await harness.Writer.WriteAsync([Point(1), Point(2), Point(3)]);
        await Waits.For(harness.Writer.FlushAsync(), "the flush");
        var error = await harness.NextErrorAsync("the partial write report");

        Assert.Equal(InfluxWriteErrorKind.PointsRejected, error.Kind);
        Assert.Equal(2, error.DroppedPoints);
        Assert.Equal(2, harness.Writer.DroppedPoints);
        Assert.Equal(1, harness.Writer.WrittenPoints);
        Assert.Equal(0, harness.Writer.BacklogPoints);
    }

    [Fact]
    public async Task ThrowingHandler_IsRecordedAndDeliveryCarriesOn()
    {
        int calls = 0;
        await using var harness = new WriterHarness(_ => ScriptedHandler.Answer(
            Interlocked.Increment(ref calls) == 1 ? HttpStatusCode.InternalServerError : HttpStatusCode.NoContent));
        harness.Writer.WriteError += (_, _) => throw new InvalidOperationException("handler bug");

        await harness.Writer.WriteAsync(Point(1));
        var flushed = harness.Writer.FlushAsync();
        var error = await harness.NextErrorAsync("the 500 report");
        harness.Time.Advance(error.RetryDelay!.Value);

        await Waits.For(flushed, "delivery after the handler threw");
        Assert.IsType<InvalidOperationException>(harness.Writer.LastFault);
        Assert.Equal(500, error.StatusCode);
    }
}
