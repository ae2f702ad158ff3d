using System.Globalization;

namespace GreenCompute.EdgeAgent.Kernels;

/// <summary>π(n): how many primes are ≤ n, by trial division; one unit = one candidate (2, 3, …). π(10⁶) = 78,498.</summary>
internal sealed class PrimeCountKernel(long done, long count) : IKernel
{
    public long Done { get; private set; } = done;

    public long Count { get; private set; } = count;

    public static PrimeCountKernel Load(string state)
    {
        var parts = state.Split(' ');
        return new PrimeCountKernel(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public void RunTo(long target)
    {
        for (var i = Done; i < target; i++)
        {
            if (IsPrime(i + 2))
            {
                Count++;
            }
        }

        Done = Math.Max(Done, target);
    }

    public string SaveState() => string.Create(CultureInfo.InvariantCulture, $"{Done} {Count}");

    public string Output(long total) => string.Create(CultureInfo.InvariantCulture, $"prime-count n={total + 1} count={Count}\n");

    internal static bool IsPrime(long n)
    {
        if (n < 4)
        {
            return n >= 2;
        }

        if (n % 2 == 0 || n % 3 == 0)
        {
            return false;
        }

        for (long d = 5; d * d <= n; d += 6)
        {
            if (n % d == 0 || n % (d + 2) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
