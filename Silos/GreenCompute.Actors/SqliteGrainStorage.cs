using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GreenCompute.Actors.Storage;
using Microsoft.Data.Sqlite;

namespace GreenCompute.Actors;

/// <summary>
/// Grain state in one SQLite file (WAL mode): table <c>grain_state(grain_type, grain_key, etag, payload)</c>,
/// payload as UTF-8 JSON (System.Text.Json). Each write gets a fresh random ETag, checked in the same statement
/// (<c>UPDATE … WHERE etag = $expected</c>), so two hosts on one file, or a direct write, are detected as
/// <see cref="InconsistentStateException"/>. Writes from this instance go through one connection in turn;
/// reads use a small pool of connections. Operations run synchronously on the caller's thread.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private readonly string _connectionString;
    private readonly JsonSerializerOptions _jsonOptions;
    private readonly SqliteSession _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private readonly int _maxIdleReaders = Math.Max(2, Environment.ProcessorCount);
    private int _disposed;

    /// <summary>Opens (creating if needed) the store in file <paramref name="path"/>.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="jsonOptions">Serializer options for states; <see cref="JsonSerializerOptions.Default"/> when omitted.</param>
    public SqliteGrainStorage(string path, JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        _jsonOptions = jsonOptions ?? JsonSerializerOptions.Default;
        SqliteSession.CreateSchema(_connectionString);
        _writer = new SqliteSession(_connectionString);
    }

    /// <summary>Opens the store in file <paramref name="path"/>, serialising states with a source-generated context.</summary>
    public SqliteGrainStorage(string path, JsonSerializerContext jsonContext)
        : this(path, (jsonContext ?? throw new ArgumentNullException(nameof(jsonContext))).Options)
    {
    }

    /// <inheritdoc />
    public Task<GrainStateEntry<T>?> ReadAsync<T>(string grainType, string key, CancellationToken ct)
        where T : class
    {
        ct.ThrowIfCancellationRequested();
        var session = RentReader();
        try
        {
            if (session.Read(grainType, key) is not var (etag, payload))
            {
                return Task.FromResult<GrainStateEntry<T>?>(null);
            }

            var state = JsonSerializer.Deserialize(payload, TypeInfo<T>())
                ?? throw new JsonException($"Stored state of {grainType}/{key} is null.");
            return Task.FromResult<GrainStateEntry<T>?>(new GrainStateEntry<T>(state, etag));
        }
        finally
        {
            ReturnReader(session);
        }
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync<T>(string grainType, string key, T state, string? expectedETag, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(state);
        var payload = JsonSerializer.SerializeToUtf8Bytes(state, TypeInfo<T>());
        var etag = Random.Shared.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
            var written = expectedETag is null
                ? _writer.Insert(grainType, key, etag, payload)
                : _writer.Update(grainType, key, etag, payload, expectedETag);
            return written ? etag : throw new InconsistentStateException(grainType, key, expectedETag, _writer.ReadETag(grainType, key));
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task ClearAsync(string grainType, string key, string? expectedETag, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
            var cleared = expectedETag is null
                ? _writer.ReadETag(grainType, key) is null
                : _writer.Delete(grainType, key, expectedETag);
            if (!cleared)
            {
                throw new InconsistentStateException(grainType, key, expectedETag, _writer.ReadETag(grainType, key));
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes the connections. Call after the hosts using this store have stopped.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _writeGate.Wait();
        _writer.Dispose();
        while (_readers.TryTake(out var reader))
        {
            reader.Dispose();
        }

        _writeGate.Release();
        _writeGate.Dispose();
    }

    private JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)_jsonOptions.GetTypeInfo(typeof(T));

    private SqliteSession RentReader()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return _readers.TryTake(out var session) ? session : new SqliteSession(_connectionString);
    }

    private void ReturnReader(SqliteSession session)
    {
        if (Volatile.Read(ref _disposed) == 1 || _readers.Count >= _maxIdleReaders)
        {
            session.Dispose();
            return;
        }

        _readers.Add(session);
        if (Volatile.Read(ref _disposed) == 1 && _readers.TryTake(out var late))
        {
            late.Dispose();
        }
    }
}
