using GreenCompute.Simulation.Data;

namespace GreenCompute.Simulation.Tests.Data;

public sealed class DataFolderTests
{
    [Fact]
    public void Resolve_FromRepositoryRoot_FindsSharedData()
    {
        var folder = DataFolder.Resolve(null, [TestData.RepositoryRoot]);

        Assert.False(folder.IsSynthetic);
        Assert.Equal(Path.GetFullPath(Path.Combine(TestData.RepositoryRoot, "..", "shared", "data")), folder.Path);
        Assert.True(File.Exists(folder.FilePath(PriceSeries.FileName)));
        Assert.StartsWith("Real data from", folder.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FromSubfolderOfRepository_WalksUpToTheRoot()
    {
        var folder = DataFolder.Resolve(null, [Path.Combine(TestData.RepositoryRoot, "tests", "GreenCompute.Simulation.Tests")]);

        Assert.False(folder.IsSynthetic);
    }

    [Fact]
    public void Resolve_NoDataAnywhere_IsSyntheticWithAOneLineNotice()
    {
        using var temp = new TempFolder();

        var folder = DataFolder.Resolve(null, [temp.Path]);

        Assert.True(folder.IsSynthetic);
        Assert.Null(folder.Path);
        Assert.StartsWith("SYNTHETIC DATA", folder.Notice, StringComparison.Ordinal);
        Assert.Contains("--data", folder.Notice, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', folder.Notice);
    }

    [Fact]
    public void Resolve_ExplicitFolderMissing_ThrowsNamingTheDataOption()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "nope");

        var error = Assert.Throws<DataFileException>(() => DataFolder.Resolve(missing, []));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("--data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExplicitFolderWithoutFiles_NamesTheMissingFile()
    {
        using var temp = new TempFolder();
        var folder = DataFolder.Resolve(temp.Path, []);

        var error = Assert.Throws<DataFileException>(() => folder.Load(Scenario.Default));

        Assert.Contains(PriceSeries.FileName, error.Message, StringComparison.Ordinal);
        Assert.Contains("--data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DefaultScenario_PairsGermanPricesWithNsrdbOnTheMarketClock()
    {
        var data = TestData.Folder.Load(Scenario.Default);

        Assert.False(data.IsSynthetic);
        Assert.Equal("DE", data.Scenario.PriceZone);
        Assert.Equal(new DateTimeOffset(2017, 10, 21, 23, 0, 0, TimeSpan.Zero), data.Scenario.Start);
        Assert.EndsWith(WeatherSeries.NsrdbFileName, data.Weather.Source, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(-8), data.Weather.ClockShift);
        Assert.Equal(19.1, data.Prices.PriceAt("DE", data.Scenario.Start).Value);
        Assert.Equal(data.Prices.Coverage("DE").End, data.Scenario.End);
        Assert.InRange(data.Weather.OutdoorAt(data.Scenario.End - TimeSpan.FromMinutes(1)).Value, -40, 30);
    }

    [Fact]
    public void Load_BelgianScenario_UsesTypicalYearOn2016()
    {
        var data = TestData.Folder.Load(Scenario.ForZone("BE"));

        Assert.True(data.Weather.IsCyclic);
        Assert.Equal(8784, data.Weather.Hours);
        Assert.Equal(TimeSpan.Zero, data.Weather.ClockShift);
    }

    [Fact]
    public void Load_Synthetic_IsDeterministicAndShapedLikeAMarket()
    {
        using var temp = new TempFolder();
        var folder = DataFolder.Resolve(null, [temp.Path]);
        var scenario = Scenario.Default with { Length = TimeSpan.FromDays(7) };

        var a = folder.Load(scenario);
        var b = folder.Load(scenario);

        Assert.True(a.IsSynthetic);
        Assert.Equal(folder.Notice, a.Notice);
        var monday = new DateTimeOffset(2017, 10, 23, 0, 0, 0, TimeSpan.FromHours(1));
        var night = a.Prices.PriceAt("DE", monday.AddHours(3));
        Assert.True(a.Prices.PriceAt("DE", monday.AddHours(8)) > night);
        Assert.True(a.Prices.PriceAt("DE", monday.AddHours(19)) > night);
        Assert.Equal(a.Prices.Hourly("DE"), b.Prices.Hourly("DE"));
        Assert.True(a.Weather.OutdoorAt(monday.AddHours(15)) > a.Weather.OutdoorAt(monday.AddHours(3)));
        Assert.NotEmpty(a.Jobs.Jobs);
        Assert.Equal(a.Jobs.Jobs, b.Jobs.Jobs);
        Assert.Equal(a.Weather.OutdoorAt(scenario.End), b.Weather.OutdoorAt(scenario.End));
    }
}
