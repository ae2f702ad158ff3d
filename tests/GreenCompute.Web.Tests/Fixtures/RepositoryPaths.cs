namespace GreenCompute.Web.Tests.Fixtures;

/// <summary>Folders of the repository the tests run in (found from the test assembly upwards).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The web project: its wwwroot is what the tests' host serves.</summary>
    public static string WebProject => Path.Combine(Root, "Web", "GreenCompute.Web");

    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(Root, "artifacts", "test-results", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GreenCompute.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GreenCompute.sln above {AppContext.BaseDirectory}.");
    }
}
