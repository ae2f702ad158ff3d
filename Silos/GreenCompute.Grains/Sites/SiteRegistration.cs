using System.Collections.Immutable;

namespace GreenCompute.Grains.Sites;

/// <summary>A building: its name, its day-ahead price zone, its local UTC offset and its heater nodes.</summary>
public sealed record SiteRegistration(string SiteId, string Name, string PriceZone, int UtcOffsetMinutes, ImmutableArray<string> NodeIds);
