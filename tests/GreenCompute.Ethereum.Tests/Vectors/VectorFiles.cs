using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GreenCompute.Ethereum.Tests.Vectors;

/// <summary>
/// Finds shared/vectors/ethereum: $GC_SHARED/vectors when set, else ../shared/vectors next to the folder that
/// holds GreenCompute.sln, walking up from the test binaries and then (for builds with --artifacts-path outside
/// the repository) from this source file. .gz files are read through GZipStream.
/// </summary>
internal static class VectorFiles
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string PathOf(string relativePath) => Path.Combine(Root.Value, relativePath);

    public static JsonElement Load(string relativePath)
    {
        var path = PathOf(relativePath);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    private static string Locate()
    {
        var shared = Environment.GetEnvironmentVariable("GC_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var solution = FindSolutionAbove(AppContext.BaseDirectory) ?? FindSolutionAbove(Path.GetDirectoryName(SourceFile())!)
                ?? throw new DirectoryNotFoundException($"No GreenCompute.sln above {AppContext.BaseDirectory}; set GC_SHARED to the shared folder.");
            shared = Path.Combine(solution.Parent!.FullName, "shared");
        }

        var root = Path.Combine(shared, "vectors", "ethereum");
        return Directory.Exists(root) ? root : throw new DirectoryNotFoundException($"Ethereum vectors not found at {root}.");
    }

    private static DirectoryInfo? FindSolutionAbove(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GreenCompute.sln")))
        {
            directory = directory.Parent;
        }

        return directory;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
