using System.IO.Compression;
using GreenCompute.Simulation.Data;

namespace GreenCompute.Simulation.Tests.Data;

public sealed class JobTraceTests
{
    private const string Job = "    1        0     -1   1451  128     -1    -1   -1     -1    -1 -1   1   1  -1 -1 -1 -1 -1";

    [Fact]
    public void Load_NasaTrace_Has18239JobLinesOf42264ClaimedBeforeCleaning()
    {
        var trace = JobTrace.Load(TestData.File(JobTrace.FileName));

        Assert.Equal(18_239, trace.JobLines);
        Assert.Equal(42_264, trace.HeaderMaxJobs);
        Assert.Equal(173, trace.SkippedJobs);
        Assert.Equal(18_239 - 173, trace.Jobs.Count);
        Assert.Equal(new TraceJob(1, TimeSpan.Zero, TimeSpan.FromSeconds(1451), 128), trace.Jobs[0]);
        Assert.All(trace.Jobs, j => Assert.True(j.Runtime > TimeSpan.Zero && j.Processors > 0));
        Assert.InRange(trace.Span.TotalDays, 91.9, 92.1);
    }

    [Fact]
    public void Load_ZeroRuntimeOrProcessors_SkipsAndCounts()
    {
        using var temp = new TempFolder();
        var file = temp.Write(
            "t.swf",
            "; MaxJobs: 3\n" + Job + "\n" +
            "    2       10     -1      0    4     -1    -1   -1     -1    -1 -1   1   1  -1 -1 -1 -1 -1\n" +
            "    3       20     -1     50   -1     -1    -1   -1     -1    -1 -1   1   1  -1 -1 -1 -1 -1\n");

        var trace = JobTrace.Load(file);

        Assert.Equal(3, trace.JobLines);
        Assert.Equal(2, trace.SkippedJobs);
        Assert.Single(trace.Jobs);
        Assert.Equal(3, trace.HeaderMaxJobs);
    }

    [Fact]
    public void Load_GzipLineWithTooFewFields_ReportsFileAndLine()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "t.swf.gz");
        using (var gz = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gz))
        {
            writer.Write("; Version: 2.2\n;\n" + Job + "\n    2   10  -1  5\n");
        }

        var error = Assert.Throws<DataFileException>(() => JobTrace.Load(file));

        Assert.Equal(4, error.Line);
        Assert.StartsWith($"{file}:4:", error.Message, StringComparison.Ordinal);
        Assert.Contains("18 whitespace-separated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NonNumericRuntime_ReportsTheField()
    {
        using var temp = new TempFolder();
        var file = temp.Write("t.swf", Job.Replace("1451", "abcd", StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<DataFileException>(() => JobTrace.Load(file));

        Assert.Equal(1, error.Line);
        Assert.Contains("run time 'abcd'", error.Message, StringComparison.Ordinal);
    }
}
