using System.Security.Cryptography;
using System.Text;
using GreenCompute.EdgeAgent.Kernels;
using GreenCompute.EdgeAgent.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Kernels;

/// <summary>The built-in kernels (in process): known results, and checkpoint/resume equal to an uninterrupted run.</summary>
public sealed class KernelTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PrimeCount_UpToOneMillion_Is78498()
    {
        var (exit, _) = Run("prime-count", 999_999, _temp.Sub("p"));
        Assert.Equal(0, exit);
        Assert.Equal("prime-count n=1000000 count=78498\n", File.ReadAllText(Path.Combine(_temp.Path, "p", "output")));
    }

    [Fact]
    public void Sha256Chain_EqualsRecomputation_AndCompletedLineCarriesTheOutputHash()
    {
        var (exit, lines) = Run("sha256-chain", 1000, _temp.Sub("s"), seed: "task-1");
        Assert.Equal(0, exit);
        var h = SHA256.HashData(Encoding.UTF8.GetBytes("task-1"));
        for (var i = 0; i < 1000; i++)
        {
            h = SHA256.HashData(h);
        }

        var output = File.ReadAllBytes(Path.Combine(_temp.Path, "s", "output"));
        Assert.Equal($"sha256-chain n=1000 {Convert.ToHexStringLower(h)}\n", Encoding.UTF8.GetString(output));
        Assert.Equal($"completed {Convert.ToHexStringLower(SHA256.HashData(output))}", lines[^1]);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "s", "checkpoint")));
    }

    [Theory]
    [InlineData("sha256-chain", 200_000)]
    [InlineData("prime-count", 300_000)]
    [InlineData("monte-carlo-pi", 2_000_000)]
    public void PauseAtCheckpointThenResume_OutputEqualsUninterruptedRun(string kernel, long units)
    {
        Run(kernel, units, _temp.Sub("whole"), seed: "t");

        // "pause" is already waiting on stdin: the kernel checkpoints after its first chunk and exits 3.
        var folder = _temp.Sub("paused");
        var (exit, lines) = Run(kernel, units, folder, seed: "t", stdin: "pause\n");
        Assert.Equal(KernelProgram.ExitPaused, exit);
        Assert.StartsWith("paused ", lines[^1], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "checkpoint")));
        Assert.False(File.Exists(Path.Combine(folder, "output")));

        var (resumed, _) = Run(kernel, units, folder, seed: "t");
        Assert.Equal(0, resumed);
        Assert.Equal(File.ReadAllText(Path.Combine(_temp.Path, "whole", "output")), File.ReadAllText(Path.Combine(folder, "output")));
    }

    [Fact]
    public void MonteCarlo_SameSeedSameResult_OtherSeedOtherResult()
    {
        Run("monte-carlo-pi", 100_000, _temp.Sub("a"), seed: "x");
        Run("monte-carlo-pi", 100_000, _temp.Sub("b"), seed: "x");
        Run("monte-carlo-pi", 100_000, _temp.Sub("c"), seed: "y");
        var a = File.ReadAllText(Path.Combine(_temp.Path, "a", "output"));
        Assert.Equal(a, File.ReadAllText(Path.Combine(_temp.Path, "b", "output")));
        Assert.NotEqual(a, File.ReadAllText(Path.Combine(_temp.Path, "c", "output")));
        Assert.Matches(@"^monte-carlo-pi n=100000 inside=\d+ pi~3\.1\d*\n$", a);
    }

    [Fact]
    public void BadArguments_ExitTwo_WriteNothing()
    {
        var folder = _temp.Sub("bad");
        Assert.Equal(KernelProgram.ExitBadArguments, Run("no-such-kernel", 10, folder).Exit);
        Assert.Equal(KernelProgram.ExitBadArguments, KernelProgram.Run(["prime-count", "--units", "-5", "--dir", folder], new StringReader(""), new StringWriter()));
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void CheckpointOfAnotherSize_IsNotContinued()
    {
        var folder = _temp.Sub("other");
        Run("prime-count", 50_000, folder, stdin: "pause\n");
        Run("prime-count", 999, folder);
        Assert.Equal("prime-count n=1000 count=168\n", File.ReadAllText(Path.Combine(folder, "output")));
    }

    private static (int Exit, string[] Lines) Run(string kernel, long units, string folder, string seed = "", string stdin = "")
    {
        var output = new StringWriter();
        var exit = KernelProgram.Run([kernel, "--units", units.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", folder, "--seed", seed],
            new StringReader(stdin), output);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
