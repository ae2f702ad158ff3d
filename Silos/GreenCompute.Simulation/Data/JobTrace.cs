using System.Globalization;

namespace GreenCompute.Simulation.Data;

/// <summary>
/// An HPC job trace in the Standard Workload Format (SWF 2.2): ';' header lines, then one job per line with
/// 18 whitespace-separated fields (id, submit s, wait s, run s, processors, …; −1 = unknown).
/// Jobs with run time ≤ 0 or processors ≤ 0 are skipped and counted.
/// </summary>
public sealed class JobTrace
{
    public const string FileName = "jobs-nasa-ipsc-1993.swf.gz";

    private const int SwfFields = 18;

    internal JobTrace(string source, IReadOnlyList<TraceJob> jobs, int lineCount, int skipped, int? headerMaxJobs)
    {
        Source = source;
        Jobs = jobs;
        JobLines = lineCount;
        SkippedJobs = skipped;
        HeaderMaxJobs = headerMaxJobs;
    }

    /// <summary>Where the trace came from (a file path or "synthetic").</summary>
    public string Source { get; }

    /// <summary>Usable jobs, in file order (SWF orders by submit time).</summary>
    public IReadOnlyList<TraceJob> Jobs { get; }

    /// <summary>Job lines read, usable or not.</summary>
    public int JobLines { get; }

    /// <summary>Job lines dropped because run time or processors were ≤ 0 (unknown or failed at start).</summary>
    public int SkippedJobs { get; }

    /// <summary>The header's "MaxJobs" claim, when present (for a cleaned log it is the count before cleaning).</summary>
    public int? HeaderMaxJobs { get; }

    /// <summary>Submit offset of the last job.</summary>
    public TimeSpan Span => Jobs.Count == 0 ? TimeSpan.Zero : Jobs.Max(j => j.SubmitOffset);

    /// <summary>Reads an SWF file (plain or .gz). Throws <see cref="DataFileException"/> naming file:line on bad input.</summary>
    public static JobTrace Load(string path)
    {
        var jobs = new List<TraceJob>(20_000);
        var lines = 0;
        var skipped = 0;
        int? maxJobs = null;
        foreach (var (line, text) in DataText.ReadLines(path))
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed[0] == ';')
            {
                maxJobs ??= ParseHeaderCount(trimmed, "MaxJobs:");
                continue;
            }

            lines++;
            var fields = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != SwfFields)
            {
                throw new DataFileException(
                    $"expected {SwfFields} whitespace-separated SWF fields but found {fields.Length}: '{trimmed}'", path, line);
            }

            var id = DataText.ParseLong(path, line, fields[0], "job id");
            var submit = DataText.ParseDouble(path, line, fields[1], "submit time");
            var runtime = DataText.ParseDouble(path, line, fields[3], "run time");
            var processors = DataText.ParseLong(path, line, fields[4], "allocated processors");
            if (submit < 0)
            {
                throw new DataFileException($"job {id} has a negative submit time {submit}", path, line);
            }

            if (runtime <= 0 || processors <= 0)
            {
                skipped++;
                continue;
            }

            jobs.Add(new TraceJob(id, TimeSpan.FromSeconds(submit), TimeSpan.FromSeconds(runtime), (int)Math.Min(processors, int.MaxValue)));
        }

        if (lines == 0)
        {
            throw new DataFileException("no job lines (only ';' header lines or nothing)", path);
        }

        return new JobTrace(path, jobs, lines, skipped, maxJobs);
    }

    private static int? ParseHeaderCount(string header, string key)
    {
        var at = header.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        return int.TryParse(header[(at + key.Length)..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
