using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Data;

/// <summary>One hourly day-ahead price: the hour starting at <paramref name="Start"/> (UTC).</summary>
public sealed record PricePoint(string Zone, DateTimeOffset Start, EurPerMwh Price);
