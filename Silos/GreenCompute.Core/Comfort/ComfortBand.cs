using GreenCompute.Core.Units;

namespace GreenCompute.Core.Comfort;

/// <summary>
/// The room temperatures a building manager accepts at one time: heat keeps the room at or above
/// <see cref="Min"/>, and the planner never heats it above <see cref="Max"/>. The span between them is the room's
/// heat store (C × (Max − Min)). <c>default</c> is not a valid band.
/// </summary>
public readonly record struct ComfortBand(Celsius Min, Celsius Max)
{
    public Celsius Min { get; } = Min < Max
        ? Min
        : throw new ArgumentException(
            $"Comfort band {Min}–{Max} is inverted or empty: Min must be below Max (e.g. 20 °C–22 °C).", nameof(Min));

    public Celsius Max { get; } = Max;

    public Kelvin Width => Max - Min;

    public bool Contains(Celsius temperature) => temperature >= Min && temperature <= Max;

    public override string ToString() => $"{Min.Value:0.0}–{Max.Value:0.0} °C";
}
