using System.Text;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.TimeSeries;
using Microsoft.Data.Sqlite;

namespace GreenCompute.Influx.Embedded;

/// <summary>
/// A time-series store in one SQLite file, for running without influxd: raw points with a retention per series tag
/// value, plus 1-minute and 1-hour rollups (count/sum/min/max of numeric fields, hence mean too) maintained in the
/// same transaction as the write. Writing a point again with the same series, field and time replaces it, as in
/// InfluxDB. Durability: WAL with <c>synchronous=NORMAL</c> — a completed write survives a process crash; a power
/// cut may lose the last writes (dashboard data, not the buffer of record). Thread-safe (calls are serialised).
/// </summary>
public sealed class EmbeddedInfluxStore : ITimeSeriesStore, IDisposable
{
    private readonly EmbeddedStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly SqliteConnection _connection;
    private readonly SeriesCatalog _catalog = new();
    private readonly Lock _gate = new();
    private readonly ITimer? _retentionTimer;
    private bool _disposed;

    /// <param name="options">The file and the retentions.</param>
    /// <param name="time">Stamps points without a timestamp and drives retention.</param>
    public EmbeddedInfluxStore(EmbeddedStoreOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = time ?? TimeProvider.System;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        EmbeddedSchema.Create(_connection);
        _catalog.Load(_connection);
        if (options.RetentionCheckInterval > TimeSpan.Zero)
        {
            _retentionTimer = _time.CreateTimer(_ => RetainOnTimer(), null, options.RetentionCheckInterval, options.RetentionCheckInterval);
        }
    }

    /// <summary>The last failure of the automatic retention run, if any.</summary>
    public Exception? LastRetentionFault { get; private set; }

    public Task<bool> WriteAsync(IReadOnlyCollection<PointData> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        cancellationToken.ThrowIfCancellationRequested();
        long now = WritePrecision.Nanoseconds.ToUnixTimestamp(_time.GetUtcNow());
        Store(points.Select(point => (point.Name, (IReadOnlyList<KeyValuePair<string, string>>)point.Tags, point.Fields, Nanoseconds(point, now))));
        return Task.FromResult(true);
    }

    public Task<bool> WriteLinesAsync(string lineProtocol, WritePrecision precision = WritePrecision.Nanoseconds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lineProtocol);
        cancellationToken.ThrowIfCancellationRequested();
        long now = WritePrecision.Nanoseconds.ToUnixTimestamp(_time.GetUtcNow());
        var points = LineProtocolReader.Parse(Encoding.UTF8.GetBytes(lineProtocol), LineProtocolOptions.InfluxDb1, precision, now);
        Store(points.Select(point => (point.Name, point.Tags, point.Fields, point.Timestamp!.Value)));
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<TimeSeriesGroup>> QueryAsync(TimeSeriesQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var answer = new List<TimeSeriesGroup>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var groups = _catalog.Matching(query.Measurement, query.Tags)
                .GroupBy(series => query.GroupByTag is null ? null : series.Tags.GetValueOrDefault(query.GroupByTag, ""))
                .OrderBy(group => group.Key, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var points = EmbeddedQuery.Run(_connection, query, [.. group.Select(series => series.Id)]);
                if (points.Count > 0)
                {
                    answer.Add(new TimeSeriesGroup(group.Key, points));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<TimeSeriesGroup>>(answer);
    }

    /// <summary>Deletes raw points and rollup buckets past their retention (as of the injected clock's now).</summary>
    /// <returns>The number of raw values deleted.</returns>
    public Task<long> ApplyRetentionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Task.FromResult(EmbeddedRetention.Apply(_connection, _catalog, _options, _time.GetUtcNow()));
        }
    }

    public void Dispose()
    {
        _retentionTimer?.Dispose();
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _connection.Dispose();
            }
        }
    }

    private static long Nanoseconds(PointData point, long now)
    {
        if (point.Time is not long time)
        {
            return point.Precision.TruncateNanoseconds(now);
        }

        return point.Precision.TryToNanoseconds(time, out long nanoseconds)
            ? nanoseconds
            : throw new ArgumentOutOfRangeException(nameof(point), time, $"The timestamp of {point.Name} is outside the nanosecond range.");
    }

    private void Store(IEnumerable<(string Name, IReadOnlyList<KeyValuePair<string, string>> Tags, IReadOnlyList<KeyValuePair<string, FieldValue>> Fields, long Time)> points)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction();
            try
            {
                using var writer = new RawPointWriter(_connection, transaction);
                foreach (var (name, tags, fields, time) in points)
                {
                    if (fields.Count == 0)
                    {
                        throw new ArgumentException($"Point {name} has no fields.", nameof(points));
                    }

                    var series = _catalog.GetOrCreate(_connection, transaction, name, tags);
                    foreach (var field in fields)
                    {
                        writer.Write(series.Id, field.Key, time, field.Value);
                    }
                }

                transaction.Commit();
            }
            catch
            {
                transaction.Rollback();
                _catalog.Load(_connection); // forget series created by the rolled-back transaction
                throw;
            }
        }
    }

    private void RetainOnTimer()
    {
        try
        {
            ApplyRetentionAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            LastRetentionFault = e;
        }
    }
}
