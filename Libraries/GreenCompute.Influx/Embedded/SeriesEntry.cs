namespace GreenCompute.Influx.Embedded;

/// <summary>One stored series: a measurement and its full tag set.</summary>
internal sealed record SeriesEntry(long Id, string Measurement, IReadOnlyDictionary<string, string> Tags);
