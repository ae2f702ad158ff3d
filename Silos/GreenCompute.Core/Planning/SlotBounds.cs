using GreenCompute.Core.Comfort;

namespace GreenCompute.Core.Planning;

/// <summary>
/// Temperature bounds at slot boundaries, in °C. Boundary j is the end of slot j−1 and the start of slot j;
/// the room there must satisfy both slots' bands (so the room is already warm when a comfort period begins).
/// The lower bound carries the comfort margin, never more than half a band's width. Where two neighbouring bands
/// do not overlap, warmth wins: the upper bound is raised to the lower one. Index 0 (now) is not constrained.
/// </summary>
internal static class SlotBounds
{
    public static void Compute(ReadOnlySpan<ComfortBand> bands, double marginKelvin, Span<double> lower, Span<double> upper)
    {
        var count = bands.Length;
        for (var slot = 0; slot < count; slot++)
        {
            if (!(bands[slot].Min < bands[slot].Max))
            {
                throw new ArgumentException(
                    $"The comfort band of slot {slot} is empty ({bands[slot]}): give every slot a band with Min below Max.", nameof(bands));
            }
        }

        lower[0] = double.NegativeInfinity;
        upper[0] = double.PositiveInfinity;
        for (var j = 1; j <= count; j++)
        {
            var before = bands[j - 1];
            var after = j < count ? bands[j] : before;
            var low = Math.Max(MinWithMargin(before, marginKelvin), MinWithMargin(after, marginKelvin));
            var high = Math.Min(before.Max.Value, after.Max.Value);
            lower[j] = low;
            upper[j] = Math.Max(high, low);
        }
    }

    private static double MinWithMargin(ComfortBand band, double marginKelvin) =>
        band.Min.Value + Math.Clamp(marginKelvin, 0, band.Width.Value / 2);
}
