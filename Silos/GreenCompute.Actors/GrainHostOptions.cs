namespace GreenCompute.Actors;

/// <summary>Grain host settings; the defaults are Orleans' defaults.</summary>
public sealed class GrainHostOptions
{
    /// <summary>
    /// How long a caller waits for a grain call, measured on the host's clock from the moment it is sent
    /// (queueing included); <see cref="Timeout.InfiniteTimeSpan"/> disables it. Checked every tenth of the
    /// timeout (at most every second), so a call fails at most that much later.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation not called for this long is deactivated by the collector. Timer ticks do not count as calls.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    internal void Validate()
    {
        if (CallTimeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CallTimeout, TimeSpan.Zero, nameof(CallTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CollectionAge, TimeSpan.Zero, nameof(CollectionAge));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CollectionInterval, TimeSpan.Zero, nameof(CollectionInterval));
    }
}
