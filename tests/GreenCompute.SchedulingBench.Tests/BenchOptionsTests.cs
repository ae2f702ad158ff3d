namespace GreenCompute.SchedulingBench.Tests;

public class BenchOptionsTests
{
    [Fact]
    public void Parse_Defaults_AreTheIssuesFullMatrix()
    {
        var options = BenchOptions.Parse([]);

        Assert.Equal(["DE", "BE", "FR"], options.Scenarios);
        Assert.Equal([0.3, 0.6, 0.9], options.Loads);
        Assert.Equal([1.5, 3, 10], options.Slacks);
        Assert.Equal(70, options.Days);
        Assert.Equal(PolicyCatalog.Keys, options.Schedulers);
    }

    [Fact]
    public void Parse_Quick_IsFourteenDaysOfOneLoadAndSlack_AndLaterOptionsWin()
    {
        var options = BenchOptions.Parse(["--quick", "--schedulers", "ours,Oracle", "--data", "/d", "--days", "7"]);

        Assert.True(options.Quick);
        Assert.Equal(7, options.Days);
        Assert.Equal([0.6], options.Loads);
        Assert.Equal([3.0], options.Slacks);
        Assert.Equal(["ours", "oracle"], options.Schedulers);
        Assert.Equal("/d", options.DataFolder);
    }

    [Fact]
    public void Parse_AcceptsTheRotatedDiagnosticVariant() =>
        Assert.Equal(["ours", "ours-rotated"], BenchOptions.Parse(["--schedulers", "ours,Ours-Rotated"]).Schedulers);

    [Theory]
    [InlineData("--days", "71")]
    [InlineData("--step", "600")]
    [InlineData("--loads", "0")]
    [InlineData("--schedulers", "magic")]
    [InlineData("--bogus", "1")]
    public void Parse_RejectsBadValues(string name, string value) =>
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse([name, value]));
}
