using System.Diagnostics.Metrics;
using System.Net;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Influx.Writing;
using static GreenCompute.Influx.Tests.Writing.InfluxWriterTests;

namespace GreenCompute.Influx.Tests.Writing;

public sealed class InfluxWriterTelemetryTests
{
    [Fact]
    public async Task Meter_RetryAndDrop_AreMeasuredLikeThePlainCounters()
    {
        using var meters = new TestMeterFactory();
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (meters.Created.Contains(instrument.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (measured)
            {
                measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();
        int calls = 0;
        await using var harness = new WriterHarness(
            _ => ScriptedHandler.Answer(Interlocked.Increment(ref calls) == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.NoContent),
            options => options.MaxBufferedPoints = 2,
            meterFactory: meters);

        await harness.Writer.WriteAsync([Point(1), Point(2)]);
        Assert.False(await harness.Writer.WriteAsync(Point(3)));
        var flushed = harness.Writer.FlushAsync();
        var error = await harness.NextErrorAsync("the 502 report");
        listener.RecordObservableInstruments();
        long backlogDuringOutage = measured.GetValueOrDefault("greencompute.influx.writer.backlog");
        harness.Time.Advance(error.RetryDelay!.Value);
        await Waits.For(flushed, "the flush after the 502");

        lock (measured)
        {
            Assert.Equal(2, measured["greencompute.influx.writer.accepted"]);
            Assert.Equal(2, measured["greencompute.influx.writer.written"]);
            Assert.Equal(1, measured["greencompute.influx.writer.retries"]);
            Assert.Equal(1, measured["greencompute.influx.writer.dropped"]);
        }

        Assert.Equal(2, backlogDuringOutage);
        Assert.Equal((1, 1, 2), (harness.Writer.RetryCount, harness.Writer.DroppedPoints, harness.Writer.WrittenPoints));
    }

    [Fact]
    public async Task LostResponse_ResendsTheSameLinesSoInfluxDbOverwritesThem()
    {
        int calls = 0;
        await using var harness = new WriterHarness(_ => Interlocked.Increment(ref calls) == 1
            ? throw new HttpRequestException("connection reset after the server stored the batch")
            : ScriptedHandler.Answer(HttpStatusCode.NoContent));

        await harness.Writer.WriteAsync([Point(1), Point(2)]);
        var flushed = harness.Writer.FlushAsync();
        var error = await harness.NextErrorAsync("the lost response report");
        harness.Time.Advance(error.RetryDelay!.Value);
        await Waits.For(flushed, "the resend");

        Assert.Equal(InfluxWriteErrorKind.ServerUnavailable, error.Kind);
        Assert.Null(error.StatusCode);
        var first = await harness.Handler.NextRequestAsync("the first attempt");
        var second = await harness.Handler.NextRequestAsync("the resend");
        Assert.Equal(first.Lines, second.Lines);
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            lock (Created)
            {
                Created.Add(meter);
            }

            return meter;
        }

        public void Dispose() => Created.ForEach(meter => meter.Dispose());
    }
}
