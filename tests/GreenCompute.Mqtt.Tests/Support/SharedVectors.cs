using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GreenCompute.Mqtt.Tests.Support;

/// <summary>
/// Finds ../shared/vectors next to the repository: $GC_SHARED/vectors if set, else walks up from the test binaries,
/// then from this source file (builds with --artifacts-path put the binaries outside the repository).
/// </summary>
internal static class SharedVectors
{
    public static string Directory { get; } = Locate();

    public static JsonDocument LoadJson(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, relativePath)));

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("GC_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.Combine(fromEnvironment, "vectors");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GreenCompute.sln")))
                {
                    var vectors = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "vectors"));
                    if (System.IO.Directory.Exists(vectors))
                    {
                        return vectors;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException(
            "shared/vectors not found beside the folder holding GreenCompute.sln; set GC_SHARED to the shared folder.");
    }
}
