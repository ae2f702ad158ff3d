using System.Collections.Immutable;
using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Scheduling;

/// <summary>A zone's day-ahead prices from <see cref="Start"/>, one per <see cref="Resolution"/> (retained gc/v1/prices/{zone}).</summary>
public sealed record PriceCurve(string Zone, DateTimeOffset Start, TimeSpan Resolution, ImmutableArray<EurPerMwh> Prices)
{
    /// <summary>The price in force at <paramref name="time"/>; beyond the curve, its last known price (day-ahead not yet published).</summary>
    public EurPerMwh At(DateTimeOffset time)
    {
        if (Prices.IsDefaultOrEmpty)
        {
            throw new InvalidOperationException($"The price curve of zone {Zone} is empty.");
        }

        var index = (long)Math.Floor((time - Start) / Resolution);
        return Prices[(int)Math.Clamp(index, 0, Prices.Length - 1)];
    }
}
