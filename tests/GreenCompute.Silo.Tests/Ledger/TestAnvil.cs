using System.Runtime.CompilerServices;
using GreenCompute.Ethereum.DevChain;

namespace GreenCompute.Silo.Tests.Ledger;

/// <summary>The npm-installed anvil, found from this source file: test binaries may be built outside the repository.</summary>
internal static class TestAnvil
{
    public static string? Binary { get; } = Find();

    private static string? Find([CallerFilePath] string source = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(source)!); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, AnvilProcess.NpmRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return AnvilProcess.Locate();
    }
}
