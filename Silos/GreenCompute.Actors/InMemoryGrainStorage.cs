using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GreenCompute.Actors;

/// <summary>
/// Grain state in process memory, for tests and the simulator. States are stored serialised (System.Text.Json),
/// so a grain never shares an object with the store, and ETags follow the same rules as
/// <see cref="SqliteGrainStorage"/>.
/// </summary>
public sealed class InMemoryGrainStorage(JsonSerializerOptions? jsonOptions = null) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string GrainType, string Key), Record> _records = new();
    private readonly JsonSerializerOptions _jsonOptions = jsonOptions ?? JsonSerializerOptions.Default;
    private long _lastETag;

    /// <summary>A store serialising states with a source-generated context.</summary>
    public InMemoryGrainStorage(JsonSerializerContext jsonContext)
        : this((jsonContext ?? throw new ArgumentNullException(nameof(jsonContext))).Options)
    {
    }

    /// <summary>How many records are stored.</summary>
    public int Count => _records.Count;

    /// <inheritdoc />
    public Task<GrainStateEntry<T>?> ReadAsync<T>(string grainType, string key, CancellationToken ct)
        where T : class
    {
        if (!_records.TryGetValue((grainType, key), out var record))
        {
            return Task.FromResult<GrainStateEntry<T>?>(null);
        }

        var state = JsonSerializer.Deserialize(record.Payload, TypeInfo<T>())
            ?? throw new JsonException($"Stored state of {grainType}/{key} is null.");
        return Task.FromResult<GrainStateEntry<T>?>(new GrainStateEntry<T>(state, record.ETag));
    }

    /// <inheritdoc />
    public Task<string> WriteAsync<T>(string grainType, string key, T state, string? expectedETag, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(state);
        var written = new Record(
            Interlocked.Increment(ref _lastETag).ToString(CultureInfo.InvariantCulture),
            JsonSerializer.SerializeToUtf8Bytes(state, TypeInfo<T>()));
        var id = (grainType, key);
        if (expectedETag is null)
        {
            if (!_records.TryAdd(id, written))
            {
                throw Conflict(grainType, key, expectedETag);
            }
        }
        else if (!_records.TryGetValue(id, out var current) || current.ETag != expectedETag
            || !_records.TryUpdate(id, written, current))
        {
            throw Conflict(grainType, key, expectedETag);
        }

        return Task.FromResult(written.ETag);
    }

    /// <inheritdoc />
    public Task ClearAsync(string grainType, string key, string? expectedETag, CancellationToken ct)
    {
        var id = (grainType, key);
        var found = _records.TryGetValue(id, out var current);
        if (expectedETag is null ? found : !found || current!.ETag != expectedETag || !_records.TryRemove(KeyValuePair.Create(id, current)))
        {
            throw Conflict(grainType, key, expectedETag);
        }

        return Task.CompletedTask;
    }

    private JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)_jsonOptions.GetTypeInfo(typeof(T));

    private InconsistentStateException Conflict(string grainType, string key, string? expectedETag) =>
        new(grainType, key, expectedETag, _records.TryGetValue((grainType, key), out var actual) ? actual.ETag : null);

    private sealed record Record(string ETag, byte[] Payload);
}
