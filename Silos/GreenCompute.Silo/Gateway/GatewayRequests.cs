namespace GreenCompute.Silo.Gateway;

/// <summary>Body of <c>POST /gateway/v1/history/room-chart</c>.</summary>
internal sealed record RoomChartRequest(string NodeId, string Zone, DateTimeOffset To, TimeSpan Window);

/// <summary>Body of <c>POST /gateway/v1/history/daily-energy</c>.</summary>
internal sealed record DailyEnergyRequest(string Zone, string GroupBy, DateTimeOffset From, DateTimeOffset To, string? Only);

/// <summary>Body of <c>POST /gateway/v1/devices</c>: a paired device's key and its host's payout address (0x…).</summary>
internal sealed record DeviceRegistrationRequest(string NodeId, string Device, string Payout);
