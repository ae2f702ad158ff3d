namespace GreenCompute.Silo.History;

/// <summary>What the dashboard asks of the history: answered by the store itself, or by a silo's gateway from afar.</summary>
internal interface IHistoryQueries
{
    /// <summary>24 h at 5 min or 7 d at 1 h resolution (any window: about 300 points).</summary>
    Task<RoomChart> RoomChartAsync(string nodeId, string zone, DateTimeOffset to, TimeSpan window, CancellationToken ct = default);

    /// <summary>Energy, useful heat and cost per day for each "node" or "site"; with <paramref name="only"/>, for that one.</summary>
    Task<IReadOnlyList<DailyEnergy>> DailyEnergyAsync(string zone, string groupBy, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default, string? only = null);
}
