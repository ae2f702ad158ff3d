namespace GreenCompute.Grains.Messaging;

/// <summary>Retained gc/v1/prices/{zone}, schema 1: day-ahead prices in EUR/MWh (may be negative), one per resolution from start.</summary>
public sealed record PriceCurvePayload(int V, string? Zone, DateTimeOffset? Start, int? ResolutionMinutes, IReadOnlyList<double>? PricesEurPerMwh);
