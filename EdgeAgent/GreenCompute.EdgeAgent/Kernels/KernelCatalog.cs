using System.Security.Cryptography;
using System.Text;

namespace GreenCompute.EdgeAgent.Kernels;

/// <summary>
/// The built-in kernels by name, with the scheduler's workload names as aliases ("cpu-burn" → sha256-chain,
/// "nasa-trace" → prime-count). <see cref="UnitsPerCoreSecond"/> turns a task's core-seconds into units (a rough
/// calibration on this project's 2-core machine: a task's size, not a speed promise).
/// </summary>
internal static class KernelCatalog
{
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sha256-chain"] = "sha256-chain",
        ["cpu-burn"] = "sha256-chain",
        ["prime-count"] = "prime-count",
        ["nasa-trace"] = "prime-count",
        ["monte-carlo-pi"] = "monte-carlo-pi",
    };

    public static bool TryResolve(string workload, out string kernel) => Aliases.TryGetValue(workload, out kernel!);

    public static long UnitsPerCoreSecond(string kernel) => kernel switch
    {
        "sha256-chain" => 1_500_000,
        "prime-count" => 400_000,
        "monte-carlo-pi" => 40_000_000,
        _ => throw new ArgumentException($"unknown kernel '{kernel}'", nameof(kernel)),
    };

    /// <summary>A fresh kernel; <paramref name="seed"/> is the task's input (the task id when there is none).</summary>
    public static IKernel Start(string kernel, byte[] seed) => kernel switch
    {
        "sha256-chain" => Sha256ChainKernel.Start(seed),
        "prime-count" => new PrimeCountKernel(0, 0),
        "monte-carlo-pi" => new MonteCarloPiKernel(BitConverter.ToUInt64(SHA256.HashData(seed)), 0, 0),
        _ => throw new ArgumentException($"unknown kernel '{kernel}'; known: {string.Join(", ", Aliases.Keys)}", nameof(kernel)),
    };

    public static IKernel Load(string kernel, string state) => kernel switch
    {
        "sha256-chain" => Sha256ChainKernel.Load(state),
        "prime-count" => PrimeCountKernel.Load(state),
        "monte-carlo-pi" => MonteCarloPiKernel.Load(state),
        _ => throw new ArgumentException($"unknown kernel '{kernel}'", nameof(kernel)),
    };

    public static byte[] SeedOf(string text) => Encoding.UTF8.GetBytes(text);
}
