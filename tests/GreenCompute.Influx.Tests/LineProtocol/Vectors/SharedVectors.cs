using System.Reflection;

namespace GreenCompute.Influx.Tests.LineProtocol.Vectors;

/// <summary>
/// Finds ../shared/vectors next to the folder holding GreenCompute.sln: walking up from the test binaries, then from
/// the test project's source folder (for builds with --artifacts-path). GC_SHARED (the shared folder) overrides both.
/// </summary>
internal static class SharedVectors
{
    private static readonly Lazy<string> VectorsDirectory = new(Locate);

    public static string PathOf(string relativePath) => Path.Combine(VectorsDirectory.Value, relativePath);

    private static string Locate()
    {
        string? shared = Environment.GetEnvironmentVariable("GC_SHARED");
        if (!string.IsNullOrEmpty(shared))
        {
            string fromVariable = Path.Combine(shared, "vectors");
            return Directory.Exists(fromVariable)
                ? fromVariable
                : throw new DirectoryNotFoundException($"GC_SHARED={shared}, but {fromVariable} does not exist.");
        }

        string? sourceDirectory = typeof(SharedVectors).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "GreenCompute.SourceDirectory")?.Value;
        string[] starts = sourceDirectory is null ? [AppContext.BaseDirectory] : [AppContext.BaseDirectory, sourceDirectory];
        foreach (string start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "GreenCompute.sln")))
                {
                    string vectors = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "vectors"));
                    if (Directory.Exists(vectors))
                    {
                        return vectors;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No ../shared/vectors beside a folder holding GreenCompute.sln above {string.Join(" or ", starts)}; set GC_SHARED.");
    }
}
