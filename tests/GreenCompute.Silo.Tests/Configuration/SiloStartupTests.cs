using GreenCompute.Silo.Configuration;

namespace GreenCompute.Silo.Tests.Configuration;

public class SiloStartupTests
{
    [Theory]
    [InlineData("--day-band", "23-20", "--day-band")]
    [InlineData("--night-band", "18-18", "--night-band")]
    [InlineData("--heater-max", "-500", "--heater-max")]
    [InlineData("--heater-idle", "2000", "--heater-idle")]
    [InlineData("--zone", "XX", "--zone")]
    [InlineData("--days", "0", "--days")]
    [InlineData("--cores", "many", "--cores")]
    [InlineData("--frobnicate", "1", "--frobnicate")]
    [InlineData("--broker", "http://127.0.0.1:1883", "--broker")]
    [InlineData("--broker", "mqtt://127.0.0.1:1883/gc", "--broker")]
    [InlineData("--gateway-port", "70000", "--gateway-port")]
    [InlineData("--gateway-port", "next", "--gateway-port")]
    public async Task RunAsync_BadSetting_StopsWithOneMessageNamingTheSettingAndTheFix(string option, string value, string named)
    {
        var report = Path.Combine(Path.GetTempPath(), $"gc-report-{Guid.NewGuid():N}.md");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await SiloProgram.RunAsync([option, value, "--report", report], output, errors);

        Assert.Equal(2, exit);
        var message = errors.ToString().Trim();
        Assert.Single(message.Split('\n'));
        Assert.Contains($"Setting '{named}'", message, StringComparison.Ordinal);
        Assert.Contains("Fix:", message, StringComparison.Ordinal);
        Assert.False(File.Exists(report), "nothing may run, so no report may be written");
    }

    [Fact]
    public async Task RunAsync_DataFolderWithoutTheFiles_NamesTheDataSetting()
    {
        var empty = Directory.CreateTempSubdirectory("gc-empty-data-");
        try
        {
            var errors = new StringWriter();

            var exit = await SiloProgram.RunAsync(["--data", empty.FullName, "--days", "1"], new StringWriter(), errors);

            Assert.Equal(2, exit);
            Assert.Contains("Setting '--data'", errors.ToString(), StringComparison.Ordinal);
            Assert.Contains("prices-epf-be-de-fr-np.csv", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parse_Bands_AreReadAsMinMax()
    {
        var options = SiloArguments.Parse(["--day-band", "19.5-22", "--night-band", "16..22"]);

        Assert.Equal((19.5, 22.0, 16.0, 22.0), (options.DayMinCelsius, options.DayMaxCelsius, options.NightMinCelsius, options.NightMaxCelsius));
    }
}
