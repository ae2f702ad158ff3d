namespace GreenCompute.Ethereum.Tests.Vectors;

/// <summary>One assertion per vector file: fails listing every failing case (first 20 in full) and the count.</summary>
internal static class VectorAssert
{
    public static void AllPass(string file, int total, IReadOnlyCollection<string> failures)
    {
        Assert.True(total > 0, $"{file}: no vectors were run.");
        Assert.True(
            failures.Count == 0,
            $"{file}: {failures.Count} of {total} failed:\n" + string.Join("\n", failures.Take(20)));
    }
}
