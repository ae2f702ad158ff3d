namespace GreenCompute.Actors;

/// <summary>
/// A grain state write or clear presented an ETag that is no longer the stored one: someone else (another host
/// on the same store, a direct store write) changed the record since this activation read or wrote it.
/// </summary>
public sealed class InconsistentStateException(string grainType, string grainKey, string? expectedETag, string? actualETag)
    : Exception($"Grain state {grainType}/{grainKey} was changed by someone else: expected ETag " +
        $"'{expectedETag ?? "(no record)"}' but the store holds '{actualETag ?? "(no record)"}'.")
{
    /// <summary>The grain type name the state is stored under.</summary>
    public string GrainType { get; } = grainType;

    /// <summary>The grain's key.</summary>
    public string GrainKey { get; } = grainKey;

    /// <summary>The ETag the writer presented; <see langword="null"/> means it expected no record.</summary>
    public string? ExpectedETag { get; } = expectedETag;

    /// <summary>The ETag found in the store; <see langword="null"/> means there was no record.</summary>
    public string? ActualETag { get; } = actualETag;
}
