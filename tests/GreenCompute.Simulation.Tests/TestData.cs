using System.Runtime.CompilerServices;
using GreenCompute.Simulation.Data;

namespace GreenCompute.Simulation.Tests;

/// <summary>Finds the repository (the folder holding GreenCompute.sln) and its ../shared/data.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(() => FindRoot());

    public static string RepositoryRoot => Root.Value;

    /// <summary>The real data folder, resolved by the same logic the host uses.</summary>
    public static DataFolder Folder
    {
        get
        {
            var folder = DataFolder.Resolve(null, [RepositoryRoot]);
            Assert.False(folder.IsSynthetic, $"The real data folder was not found next to {RepositoryRoot}; searched {string.Join(", ", folder.Searched)}.");
            return folder;
        }
    }

    public static string File(string name) => Folder.FilePath(name);

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        // The build output may sit outside the repository (--artifacts-path), so fall back to this source file's place.
        return DataFolder.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? DataFolder.FindRepositoryRoot(Path.GetDirectoryName(sourceFile)!)
            ?? throw new InvalidOperationException($"No {DataFolder.SolutionFileName} above {AppContext.BaseDirectory} or {sourceFile}.");
    }
}
