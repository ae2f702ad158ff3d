using System.Globalization;
using System.Security.Cryptography;

namespace GreenCompute.EdgeAgent.Kernels;

/// <summary>h₀ = SHA-256(seed), hₙ₊₁ = SHA-256(hₙ): inherently sequential, checked by recomputing. One unit = one hash.</summary>
internal sealed class Sha256ChainKernel : IKernel
{
    private readonly byte[] _hash;

    private Sha256ChainKernel(byte[] hash, long done)
    {
        _hash = hash;
        Done = done;
    }

    public long Done { get; private set; }

    public static Sha256ChainKernel Start(ReadOnlySpan<byte> seed) => new(SHA256.HashData(seed), 0);

    public static Sha256ChainKernel Load(string state)
    {
        var parts = state.Split(' ');
        return new Sha256ChainKernel(Convert.FromHexString(parts[1]), long.Parse(parts[0], CultureInfo.InvariantCulture));
    }

    public void RunTo(long target)
    {
        Span<byte> buffer = stackalloc byte[32];
        _hash.CopyTo(buffer);
        for (var i = Done; i < target; i++)
        {
            SHA256.HashData(buffer, buffer);
        }

        buffer.CopyTo(_hash);
        Done = Math.Max(Done, target);
    }

    public string SaveState() => string.Create(CultureInfo.InvariantCulture, $"{Done} {Convert.ToHexStringLower(_hash)}");

    public string Output(long total) => string.Create(CultureInfo.InvariantCulture, $"sha256-chain n={total} {Convert.ToHexStringLower(_hash)}\n");
}
