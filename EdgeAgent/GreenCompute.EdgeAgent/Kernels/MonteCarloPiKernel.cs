using System.Globalization;

namespace GreenCompute.EdgeAgent.Kernels;

/// <summary>
/// π by Monte Carlo with a seeded SplitMix64 generator (its whole state is one 64-bit word, so a checkpoint holds it
/// exactly): one unit = one point in the unit square; the output is the exact count inside the quarter circle.
/// </summary>
internal sealed class MonteCarloPiKernel(ulong state, long done, long inside) : IKernel
{
    private ulong _state = state;

    public long Done { get; private set; } = done;

    public long Inside { get; private set; } = inside;

    public static MonteCarloPiKernel Load(string text)
    {
        var parts = text.Split(' ');
        return new MonteCarloPiKernel(
            ulong.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    public void RunTo(long target)
    {
        for (var i = Done; i < target; i++)
        {
            // 53 random bits → a double in [0, 1).
            var x = (Next() >> 11) * (1.0 / (1UL << 53));
            var y = (Next() >> 11) * (1.0 / (1UL << 53));
            if ((x * x) + (y * y) < 1.0)
            {
                Inside++;
            }
        }

        Done = Math.Max(Done, target);
    }

    public string SaveState() => string.Create(CultureInfo.InvariantCulture, $"{_state:x16} {Done} {Inside}");

    public string Output(long total) =>
        string.Create(CultureInfo.InvariantCulture, $"monte-carlo-pi n={total} inside={Inside} pi~{4.0 * Inside / Math.Max(1, total):R}\n");

    private ulong Next()
    {
        // SplitMix64 (Steele, Lea, Flood 2014).
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
