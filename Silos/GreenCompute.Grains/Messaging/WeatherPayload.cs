namespace GreenCompute.Grains.Messaging;

/// <summary>Retained gc/v1/weather/{siteId}, schema 1: outdoor temperature forecast in °C, one per resolution from start.</summary>
public sealed record WeatherPayload(int V, string? SiteId, DateTimeOffset? Start, int? ResolutionMinutes, IReadOnlyList<double>? OutdoorCelsius);
