namespace GreenCompute.Actors;

/// <summary>
/// Grain state store with optimistic concurrency: every write returns a new ETag, and a write or clear must
/// present the ETag it last saw (<see langword="null"/> when it saw no record), or it fails with
/// <see cref="InconsistentStateException"/>. Implementations do not retry.
/// </summary>
public interface IGrainStorage
{
    /// <summary>The stored state of grain <paramref name="grainType"/>/<paramref name="key"/>, or <see langword="null"/> when there is none.</summary>
    Task<GrainStateEntry<T>?> ReadAsync<T>(string grainType, string key, CancellationToken ct)
        where T : class;

    /// <summary>
    /// Stores <paramref name="state"/> if the stored ETag is <paramref name="expectedETag"/> (no record when
    /// <see langword="null"/>) and returns the new ETag; otherwise throws <see cref="InconsistentStateException"/>.
    /// </summary>
    Task<string> WriteAsync<T>(string grainType, string key, T state, string? expectedETag, CancellationToken ct)
        where T : class;

    /// <summary>
    /// Deletes the record if the stored ETag is <paramref name="expectedETag"/>; clearing an absent record with a
    /// <see langword="null"/> ETag is a no-op. Otherwise throws <see cref="InconsistentStateException"/>.
    /// </summary>
    Task ClearAsync(string grainType, string key, string? expectedETag, CancellationToken ct);
}
