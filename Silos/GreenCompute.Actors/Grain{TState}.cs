namespace GreenCompute.Actors;

/// <summary>
/// A grain with persistent state. The state is read before <see cref="Grain.OnActivateAsync"/>, written when the
/// grain calls <see cref="WriteStateAsync"/>, and written once more at every deactivation (idle collection,
/// <c>DeactivateOnIdle</c>, host shutdown) unless <see cref="ClearStateAsync"/> was the last state operation.
/// Writes use the ETag of the last read or write: if someone else changed the record meanwhile,
/// <see cref="InconsistentStateException"/> is thrown (re-read with <see cref="ReadStateAsync"/> to recover).
/// </summary>
/// <typeparam name="TState">The state; serialised with System.Text.Json by the store.</typeparam>
public abstract class Grain<TState> : Grain
    where TState : class, new()
{
    private TState? _state;
    private bool _cleared;

    /// <summary>The current state; a fresh <typeparamref name="TState"/> when nothing is stored.</summary>
    protected TState State
    {
        get => _state ??= new TState();
        set => _state = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The ETag of the stored record as last read or written; <see langword="null"/> when there is none.</summary>
    protected string? StateETag { get; private set; }

    /// <summary>Replaces <see cref="State"/> with the stored state (or a fresh one when nothing is stored).</summary>
    protected async Task ReadStateAsync()
    {
        var entry = await Activation.Catalog.Storage.ReadAsync<TState>(Activation.GrainType, Activation.Key, CancellationToken.None);
        _state = entry?.State ?? new TState();
        StateETag = entry?.ETag;
        _cleared = false;
    }

    /// <summary>Stores <see cref="State"/>; throws <see cref="InconsistentStateException"/> when the stored ETag is not <see cref="StateETag"/>.</summary>
    protected async Task WriteStateAsync()
    {
        StateETag = await Activation.Catalog.Storage.WriteAsync(Activation.GrainType, Activation.Key, State, StateETag, CancellationToken.None);
        _cleared = false;
    }

    /// <summary>Deletes the stored state and resets <see cref="State"/>; throws <see cref="InconsistentStateException"/> on an ETag mismatch.</summary>
    protected async Task ClearStateAsync()
    {
        await Activation.Catalog.Storage.ClearAsync(Activation.GrainType, Activation.Key, StateETag, CancellationToken.None);
        _state = new TState();
        StateETag = null;
        _cleared = true;
    }

    internal override Task ReadStateOnActivateAsync() => ReadStateAsync();

    internal override Task WriteStateOnDeactivateAsync() => _cleared ? Task.CompletedTask : WriteStateAsync();
}
