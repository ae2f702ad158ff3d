using GreenCompute.Silo.History;

namespace GreenCompute.Silo.Gateway;

/// <summary>The history of a silo across its gateway.</summary>
internal sealed class RemoteHistoryQueries(GatewayClient client) : IHistoryQueries
{
    public Task<RoomChart> RoomChartAsync(string nodeId, string zone, DateTimeOffset to, TimeSpan window, CancellationToken ct = default) =>
        client.RoomChartAsync(new RoomChartRequest(nodeId, zone, to, window), ct);

    public Task<IReadOnlyList<DailyEnergy>> DailyEnergyAsync(string zone, string groupBy, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default, string? only = null) =>
        client.DailyEnergyAsync(new DailyEnergyRequest(zone, groupBy, from, to, only), ct);
}
