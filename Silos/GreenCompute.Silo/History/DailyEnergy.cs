using GreenCompute.Core.Units;

namespace GreenCompute.Silo.History;

/// <summary>One room's or site's day (UTC): electricity (= heat), the part the room wanted, and its cost at the hourly price.</summary>
internal sealed record DailyEnergy(string Key, DateOnly Day, WattHours Energy, WattHours UsefulHeat, Eur Cost);
