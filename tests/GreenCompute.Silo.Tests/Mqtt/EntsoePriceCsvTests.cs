using GreenCompute.Silo.Mqtt;

namespace GreenCompute.Silo.Tests.Mqtt;

public class EntsoePriceCsvTests
{
    [Fact]
    public void Read_UtcExport_GivesHourlyCurveAndDropsUnpublishedHours()
    {
        const string csv = """
            "MTU (UTC)","Day-ahead Price [EUR/MWh]","Currency","BZN|DE-LU"
            "05.01.2026 00:00 - 05.01.2026 01:00","85.10","EUR",""
            "05.01.2026 01:00 - 05.01.2026 02:00","-4.25","EUR",""
            "05.01.2026 02:00 - 05.01.2026 03:00","n/e","EUR",""
            """;

        var curve = EntsoePriceCsv.Read(new StringReader(csv), "DE");

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), curve.Start);
        Assert.Equal(TimeSpan.FromHours(1), curve.Resolution);
        Assert.Equal([85.10, -4.25], curve.Prices.Select(p => p.Value).ToArray());
    }

    [Fact]
    public void Read_CetExportOverTheAutumnChange_ReadsTheRepeatedHourTwice()
    {
        const string csv = """
            "MTU (CET/CEST)","Day-ahead Price (EUR/MWh)"
            "27.10.2024 01:00 - 27.10.2024 02:00","10"
            "27.10.2024 02:00 - 27.10.2024 03:00","20"
            "27.10.2024 02:00 - 27.10.2024 03:00","30"
            "27.10.2024 03:00 - 27.10.2024 04:00","40"
            """;

        var curve = EntsoePriceCsv.Read(new StringReader(csv), "BE");

        Assert.Equal(new DateTimeOffset(2024, 10, 26, 23, 0, 0, TimeSpan.Zero), curve.Start);
        Assert.Equal(4, curve.Prices.Length);
        Assert.Equal(30, curve.At(new DateTimeOffset(2024, 10, 27, 1, 30, 0, TimeSpan.Zero)).Value);
    }

    [Theory]
    [InlineData("\"Time\",\"Price\"\n\"x\",\"1\"", "MTU")]
    [InlineData("\"MTU (UTC)\",\"Day-ahead Price [EUR/MWh]\"\n\"05.01.2026 00:00 - 05.01.2026 01:00\",\"1\"\n\"05.01.2026 02:00 - 05.01.2026 03:00\",\"2\"", "Line 3")]
    [InlineData("\"MTU (UTC)\",\"Day-ahead Price [EUR/MWh]\"\n\"05.01.2026 00:00 - 05.01.2026 01:00\",\"\"\n\"05.01.2026 01:00 - 05.01.2026 02:00\",\"2\"", "missing in the middle")]
    [InlineData("\"MTU (UTC)\",\"Day-ahead Price [EUR/MWh]\"\n\"05.01.2026 00:00 - 05.01.2026 01:00\",\"12,5\"", "not a number")]
    public void Read_BadFile_NamesTheProblem(string csv, string problem)
    {
        var error = Assert.Throws<FormatException>(() => EntsoePriceCsv.Read(new StringReader(csv), "DE"));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
