using System.ComponentModel.DataAnnotations;

namespace GreenCompute.Influx.Embedded;

/// <summary>
/// Settings of <see cref="EmbeddedInfluxStore"/>. Raw points are kept per series for a time chosen by the value of
/// one tag (<see cref="RetentionTagKey"/>, e.g. a chatty node for a day, a reference sensor for a month); the
/// 1-minute and 1-hour rollups are kept longer, so 7-day and monthly views work after the raw points are gone.
/// </summary>
public sealed class EmbeddedStoreOptions
{
    public const string SectionName = "Influx:Embedded";

    /// <summary>The SQLite file (created if missing).</summary>
    [Required]
    public string Path { get; set; } = "timeseries.db";

    /// <summary>The tag whose value selects a series' raw retention in <see cref="RawRetentionByTagValue"/>.</summary>
    public string RetentionTagKey { get; set; } = "node";

    /// <summary>How long raw points are kept when their series' retention tag has no entry in <see cref="RawRetentionByTagValue"/>.</summary>
    public TimeSpan RawRetention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Raw retention per value of the <see cref="RetentionTagKey"/> tag.</summary>
    public IDictionary<string, TimeSpan> RawRetentionByTagValue { get; set; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>How long 1-minute rollups are kept (8 days covers a 7-day view at minute resolution).</summary>
    public TimeSpan MinuteRollupRetention { get; set; } = TimeSpan.FromDays(8);

    /// <summary>How long 1-hour rollups are kept.</summary>
    public TimeSpan HourRollupRetention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often retention runs on its own (on the injected clock); <see cref="TimeSpan.Zero"/> leaves it to <see cref="EmbeddedInfluxStore.ApplyRetentionAsync"/>.</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <exception cref="InvalidOperationException">A setting is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Path) || string.IsNullOrEmpty(RetentionTagKey))
        {
            throw new InvalidOperationException("EmbeddedStoreOptions: Path and RetentionTagKey are required.");
        }

        if (RawRetention <= TimeSpan.Zero || MinuteRollupRetention <= TimeSpan.Zero || HourRollupRetention <= TimeSpan.Zero ||
            RetentionCheckInterval < TimeSpan.Zero || RawRetentionByTagValue.Values.Any(retention => retention <= TimeSpan.Zero))
        {
            throw new InvalidOperationException("EmbeddedStoreOptions: retentions must be positive, RetentionCheckInterval not negative.");
        }
    }
}
