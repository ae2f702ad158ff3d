using System.Threading.Channels;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Units;
using GreenCompute.Grains.History;
using GreenCompute.Grains.Nodes;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.TimeSeries;

namespace GreenCompute.Silo.History;

/// <summary>
/// Turns what grains record into points and writes them to a time-series store in batches, off the grains' turns.
/// Points queue in memory until written (the influxd adapter then keeps them in its disk buffer); a write that fails
/// is counted and reported, and the points stay queued for the next attempt.
/// </summary>
internal sealed class TimeSeriesHistory : IHistoryRecorder, IAsyncDisposable
{
    private const int MaxBatch = 5_000;

    private readonly ITimeSeriesStore _store;
    private readonly Channel<PointData> _queue = Channel.CreateUnbounded<PointData>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly Action<Exception>? _onError;
    private long _queued;
    private long _written;
    private TaskCompletionSource _drained = NewDrained();

    public TimeSeriesHistory(ITimeSeriesStore store, Action<Exception>? onError = null)
    {
        _store = store;
        _onError = onError;
        _writer = Task.Run(WriteLoopAsync);
    }

    public long WrittenPoints => Interlocked.Read(ref _written);

    public long WriteFailures { get; private set; }

    public void RecordTelemetry(NodeTelemetry t, string siteId, ComfortBand band, WattHours energy, WattHours usefulHeat) =>
        Enqueue(PointData.Measurement(Measurements.Telemetry)
            .Tag("node", t.NodeId)
            .Tag("site", siteId)
            .Field("room_c", t.RoomTemperature.Value)
            .Field("band_min_c", band.Min.Value)
            .Field("band_max_c", band.Max.Value)
            .Field("power_w", t.Power.Value)
            .Field("energy_wh", t.EnergyCounter.Value)
            .Field("energy_delta_wh", energy.Value)
            .Field("useful_wh", usefulHeat.Value)
            .Field("cpu", t.CpuUtilisation)
            .Field("tasks", (long)t.RunningTasks.Length)
            .Timestamp(t.Time, WritePrecision.Seconds));

    public void RecordDecision(NodeCommand command, string siteId) =>
        Enqueue(PointData.Measurement(Measurements.Decision)
            .Tag("node", command.NodeId)
            .Tag("site", siteId)
            .Tag("mode", command.Mode.ToString())
            .Field("power_cap_w", command.PowerCap.Value)
            .Field("tasks_started", (long)command.Start.Length)
            .Field("reason", command.Reason)
            .Timestamp(command.IssuedAt, WritePrecision.Seconds));

    public void RecordPrice(string zone, DateTimeOffset hour, EurPerMwh price) =>
        Enqueue(PointData.Measurement(Measurements.Price).Tag("zone", zone).Field("eur_per_mwh", price.Value).Timestamp(hour, WritePrecision.Seconds));

    public void RecordWeather(string siteId, DateTimeOffset time, Celsius outdoor) =>
        Enqueue(PointData.Measurement(Measurements.Weather).Tag("site", siteId).Field("outdoor_c", outdoor.Value).Timestamp(time, WritePrecision.Seconds));

    /// <summary>Completes when every point recorded so far has been written.</summary>
    public Task FlushAsync()
    {
        lock (_queue)
        {
            return Interlocked.Read(ref _queued) == Interlocked.Read(ref _written) ? Task.CompletedTask : _drained.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private void Enqueue(PointData point)
    {
        Interlocked.Increment(ref _queued);
        _queue.Writer.TryWrite(point);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PointData>(MaxBatch);
        var failures = 0;
        while (batch.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var point))
            {
                batch.Add(point);
            }

            if (await TryWriteAsync(batch))
            {
                failures = 0;
                Interlocked.Add(ref _written, batch.Count);
                batch.Clear();
                SignalIfDrained();
            }
            else
            {
                // Keep the batch and try again, backing off up to 30 s; the points are not dropped.
                failures++;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 100 * Math.Pow(2, Math.Min(failures, 9)))));
            }
        }
    }

    private async Task<bool> TryWriteAsync(List<PointData> batch)
    {
        try
        {
            if (await _store.WriteAsync(batch))
            {
                return true;
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or LineProtocolException or Microsoft.Data.Sqlite.SqliteException)
        {
            _onError?.Invoke(e);
        }

        WriteFailures++;
        return false;
    }

    private void SignalIfDrained()
    {
        lock (_queue)
        {
            if (Interlocked.Read(ref _queued) == Interlocked.Read(ref _written))
            {
                _drained.TrySetResult();
                _drained = NewDrained();
            }
        }
    }

    private static TaskCompletionSource NewDrained() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
