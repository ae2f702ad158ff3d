using System.ComponentModel.DataAnnotations;
using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Writing;

/// <summary>
/// Batching, retry and buffering settings of <see cref="InfluxWriter"/>; the server is in
/// <see cref="Http.InfluxConnectionOptions"/>. Defaults follow the official client (batch 1000 points is raised to 5000
/// because our points are small; 1 s flush; retry 1 s doubling to 2 min).
/// </summary>
public sealed class InfluxWriterOptions
{
    public const string SectionName = "Influx:Writer";

    /// <summary>
    /// The SQLite file holding accepted points until the server confirms them (created if missing). Relative paths are
    /// taken from the working directory. One writer per file: the writer locks it exclusively.
    /// </summary>
    [Required]
    public string BufferPath { get; set; } = "influx-write-buffer.db";

    /// <summary>
    /// True (default): every accepted write is fsynced before <see cref="InfluxWriter.WriteAsync(PointData, CancellationToken)"/>
    /// completes, so it survives a power cut. False: it survives a process crash, but the last commits may be lost
    /// if the machine loses power (SQLite WAL with <c>synchronous=NORMAL</c>).
    /// </summary>
    public bool SyncEveryCommit { get; set; } = true;

    /// <summary>A batch is sent as soon as this many points are waiting, without waiting for <see cref="FlushInterval"/>.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchPoints { get; set; } = 5000;

    /// <summary>Upper bound of an uncompressed request body (InfluxDB 1.x refuses bodies over 25 MB by default).</summary>
    [Range(1024, 25_000_000)]
    public int MaxBatchBytes { get; set; } = 1_000_000;

    /// <summary>Points waiting fewer than <see cref="MaxBatchPoints"/> are sent at the latest this long after acceptance.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Once this many points wait in the buffer, further writes are refused (counted as dropped, reason buffer_full).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBufferedPoints { get; set; } = 10_000_000;

    /// <summary>Compress request bodies of 512 bytes or more (<c>Content-Encoding: gzip</c>; every InfluxDB version accepts it).</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>The delay before the first retry; each further retry multiplies it by <see cref="RetryBackoffFactor"/>.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed retry delay (a server's <c>Retry-After</c> is honoured even when longer).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1.0, 10.0)]
    public double RetryBackoffFactor { get; set; } = 2.0;

    /// <summary>How long <see cref="InfluxWriter.DisposeAsync"/> keeps trying to deliver the backlog; what is left stays on disk.</summary>
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The precision of the timestamp the writer gives a point that has none (stamped when accepted, not when sent).</summary>
    public WritePrecision DefaultTimestampPrecision { get; set; } = WritePrecision.Nanoseconds;

    /// <summary>The line-protocol dialect; <see cref="LineProtocolOptions.InfluxDb1"/> when null.</summary>
    public LineProtocolOptions? LineProtocol { get; set; }

    /// <summary>Tags added to every point (a point's own tag of the same key wins).</summary>
    public PointSettings? DefaultTags { get; set; }

    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new InvalidOperationException(string.Join(" ", results.Select(result => result.ErrorMessage)));
        }

        if (FlushInterval <= TimeSpan.Zero || RetryInitialDelay <= TimeSpan.Zero || RetryMaxDelay < RetryInitialDelay ||
            ShutdownFlushTimeout < TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                "InfluxWriterOptions: FlushInterval and RetryInitialDelay must be positive, RetryMaxDelay at least RetryInitialDelay, ShutdownFlushTimeout not negative.");
        }
    }
}
