namespace GreenCompute.Simulation.Data;

/// <summary>
/// Where the real data files live: an explicit folder (<c>--data</c>), else <c>../shared/data</c> next to the
/// current directory or next to the repository root. When none exists, the folder is the labelled SYNTHETIC
/// profile: <see cref="IsSynthetic"/> is true and <see cref="Notice"/> says so in one line for the host to print.
/// </summary>
public sealed class DataFolder
{
    public const string SolutionFileName = "GreenCompute.sln";

    private DataFolder(string? path, IReadOnlyList<string> searched)
    {
        Path = path;
        Searched = searched;
    }

    /// <summary>The folder holding the real files; null for the synthetic profile.</summary>
    public string? Path { get; }

    public bool IsSynthetic => Path is null;

    /// <summary>The folders looked at, in order.</summary>
    public IReadOnlyList<string> Searched { get; }

    /// <summary>One line for the host to print at start-up.</summary>
    public string Notice => IsSynthetic
        ? $"SYNTHETIC DATA: no data folder found (looked in {string.Join(", ", Searched)}); prices, weather and jobs " +
          $"are generated curves, not real data. Pass {DataText.DataOption} <folder> to use the real files."
        : $"Real data from {Path}: EPF day-ahead prices (Lago et al. 2021), NSRDB / PVGIS weather, NASA iPSC/860 " +
          "job trace (Parallel Workloads Archive); credits in its README.md.";

    /// <summary>Resolves from the current directory and the application's base directory.</summary>
    public static DataFolder Resolve(string? explicitPath = null) =>
        Resolve(explicitPath, [Environment.CurrentDirectory, AppContext.BaseDirectory]);

    /// <summary>
    /// Resolves <paramref name="explicitPath"/> (must exist), else searches from each of <paramref name="searchFrom"/>:
    /// its <c>../shared/data</c>, then <c>../shared/data</c> of the enclosing repository (the folder holding
    /// GreenCompute.sln).
    /// </summary>
    public static DataFolder Resolve(string? explicitPath, IReadOnlyList<string> searchFrom)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var full = System.IO.Path.GetFullPath(explicitPath);
            if (!Directory.Exists(full))
            {
                throw new DataFileException(
                    $"the data folder given with {DataText.DataOption} does not exist. Fix: pass {DataText.DataOption} " +
                    $"<folder> holding {PriceSeries.FileName} and the other data files (normally ../shared/data), or omit " +
                    $"{DataText.DataOption} to find ../shared/data or fall back to the synthetic profile.",
                    full);
            }

            return new DataFolder(full, [full]);
        }

        var searched = new List<string>();
        foreach (var start in searchFrom.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var candidates = new List<string> { System.IO.Path.Combine(start, "..", "shared", "data") };
            if (FindRepositoryRoot(start) is { } root)
            {
                candidates.Add(System.IO.Path.Combine(root, "..", "shared", "data"));
            }

            foreach (var candidate in candidates.Select(System.IO.Path.GetFullPath))
            {
                if (searched.Contains(candidate, StringComparer.Ordinal))
                {
                    continue;
                }

                searched.Add(candidate);
                if (Directory.Exists(candidate))
                {
                    return new DataFolder(candidate, searched);
                }
            }
        }

        return new DataFolder(null, searched);
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding GreenCompute.sln, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(System.IO.Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The full path of <paramref name="fileName"/> in this folder.</summary>
    public string FilePath(string fileName) =>
        Path is null
            ? throw new InvalidOperationException("The synthetic profile has no files.")
            : System.IO.Path.Combine(Path, fileName);

    /// <summary>Loads prices, weather and jobs for <paramref name="scenario"/> and checks they cover its window.</summary>
    public SimulationData Load(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var marketOffset = PriceSeries.StandardOffset(scenario.PriceZone);
        var window = new TimeRange(scenario.Start, scenario.End);
        if (IsSynthetic)
        {
            return new SimulationData(
                scenario,
                SyntheticData.Prices(window),
                SyntheticData.Weather(window, marketOffset),
                SyntheticData.Jobs(scenario.Length),
                IsSynthetic: true,
                Notice);
        }

        var prices = PriceSeries.Load(FilePath(PriceSeries.FileName));
        var weather = (scenario.Weather switch
        {
            WeatherSource.Nsrdb => WeatherSeries.LoadNsrdb(FilePath(WeatherSeries.NsrdbFileName)),
            _ => WeatherSeries.LoadPvgisTmy(FilePath(WeatherSeries.PvgisFileName), scenario.TypicalYear),
        }).WithClockShift(scenario.WeatherClockShift);
        var jobs = JobTrace.Load(FilePath(JobTrace.FileName));

        var priceCoverage = prices.Coverage(scenario.PriceZone);
        if (window.Start < priceCoverage.Start || window.End > priceCoverage.End)
        {
            throw new ArgumentException(
                $"The scenario window {window} is outside the {scenario.PriceZone} prices ({priceCoverage}).", nameof(scenario));
        }

        if (!weather.IsCyclic && (window.Start < weather.Coverage.Start || window.End > weather.Coverage.End))
        {
            throw new ArgumentException(
                $"The scenario window {window} is outside the {scenario.Weather} weather ({weather.Coverage}).", nameof(scenario));
        }

        return new SimulationData(scenario, prices, weather, jobs, IsSynthetic: false, Notice);
    }
}
