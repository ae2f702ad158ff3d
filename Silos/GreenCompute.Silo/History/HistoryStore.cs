using GreenCompute.Influx.Embedded;
using GreenCompute.Influx.Http;
using GreenCompute.Influx.Querying;
using GreenCompute.Influx.TimeSeries;
using GreenCompute.Influx.Writing;
using GreenCompute.Silo.Configuration;

namespace GreenCompute.Silo.History;

/// <summary>
/// The telemetry history of a run: the embedded SQLite store by default (kept at --history FILE, else in the run's
/// temporary folder), or an InfluxDB 1.x server with --influx URL (points wait in a disk buffer while it is down).
/// </summary>
internal sealed class HistoryStore : IAsyncDisposable
{
    private readonly IDisposable? _embedded;
    private readonly InfluxWriter? _writer;
    private readonly HttpClient? _http;

    private HistoryStore(ITimeSeriesStore store, string description, IDisposable? embedded, InfluxWriter? writer, HttpClient? http)
    {
        Store = store;
        Description = description;
        _embedded = embedded;
        _writer = writer;
        _http = http;
        Recorder = new TimeSeriesHistory(store);
        Queries = new HistoryQueries(store);
    }

    public ITimeSeriesStore Store { get; }
    public string Description { get; }
    public TimeSeriesHistory Recorder { get; }
    public HistoryQueries Queries { get; }

    public static HistoryStore Open(SiloOptions options, string runFolder, TimeProvider time)
    {
        if (options.InfluxUrl is { } url)
        {
            var connection = new InfluxConnectionOptions { Url = url, Database = options.InfluxDatabase };
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var writer = new InfluxWriter(http, connection, new InfluxWriterOptions { BufferPath = Path.Combine(runFolder, "influx-buffer.db") }, time);
            var store = new InfluxTimeSeriesStore(writer, new InfluxQueryClient(http, connection));
            return new HistoryStore(store, $"InfluxDB at {url} (database {options.InfluxDatabase})", null, writer, http);
        }

        var path = options.HistoryFile ?? Path.Combine(runFolder, "history.db");
        // Keep raw points for the whole run so a 7-day chart has its detail; minute and hour rollups are kept longer.
        var embedded = new EmbeddedInfluxStore(
            new EmbeddedStoreOptions { Path = path, RawRetention = TimeSpan.FromDays(Math.Max(8, options.Days + 1)) },
            time);
        var description = options.HistoryFile is null ? "embedded store of this run (deleted at exit; --history FILE keeps it)" : $"embedded store {path}";
        return new HistoryStore(embedded, description, embedded, null, null);
    }

    /// <summary>Completes when every point recorded so far is in the store (for influxd: delivered, not just buffered).</summary>
    public async Task FlushAsync()
    {
        await Recorder.FlushAsync();
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Recorder.FlushAsync();
        await Recorder.DisposeAsync();
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        _http?.Dispose();
        _embedded?.Dispose();
    }
}
