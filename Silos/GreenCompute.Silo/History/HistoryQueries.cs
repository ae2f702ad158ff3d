using GreenCompute.Core.Units;
using GreenCompute.Influx.TimeSeries;

namespace GreenCompute.Silo.History;

/// <summary>What the dashboard asks of the history, answered by either store (embedded SQLite or influxd).</summary>
internal sealed class HistoryQueries(ITimeSeriesStore store) : IHistoryQueries
{
    /// <summary>24 h at 5 min or 7 d at 1 h resolution (any window: about 300 points).</summary>
    public async Task<RoomChart> RoomChartAsync(string nodeId, string zone, DateTimeOffset to, TimeSpan window, CancellationToken ct = default)
    {
        var from = to - window;
        var resolution = window <= TimeSpan.FromDays(1) ? TimeSpan.FromMinutes(5) : TimeSpan.FromHours(1);
        Task<IReadOnlyList<TimeSeriesPoint>> Node(string field, TimeSeriesAggregation aggregation) =>
            SeriesAsync(Measurements.Telemetry, field, "node", nodeId, from, to, resolution, aggregation, ct);
        var temperature = Node("room_c", TimeSeriesAggregation.Mean);
        var bandMin = Node("band_min_c", TimeSeriesAggregation.Max);
        var bandMax = Node("band_max_c", TimeSeriesAggregation.Min);
        var power = Node("power_w", TimeSeriesAggregation.Mean);
        var price = SeriesAsync(Measurements.Price, "eur_per_mwh", "zone", zone, from, to, TimeSpan.FromHours(1), TimeSeriesAggregation.Mean, ct);
        return new RoomChart(nodeId, from, to, resolution, await temperature, await bandMin, await bandMax, await power, await price);
    }

    /// <summary>
    /// Energy, useful heat and cost per day for each value of <paramref name="groupBy"/> ("node" or "site"); with
    /// <paramref name="only"/>, for that one node or site (a room page need not read the whole fleet).
    /// </summary>
    public async Task<IReadOnlyList<DailyEnergy>> DailyEnergyAsync(string zone, string groupBy, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default, string? only = null)
    {
        var hour = TimeSpan.FromHours(1);
        var tags = only is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [groupBy] = only };
        var energy = QueryAsync(Measurements.Telemetry, "energy_delta_wh", from, to, hour, TimeSeriesAggregation.Sum, groupBy, tags, ct);
        var useful = QueryAsync(Measurements.Telemetry, "useful_wh", from, to, TimeSpan.FromDays(1), TimeSeriesAggregation.Sum, groupBy, tags, ct);
        var prices = (await SeriesAsync(Measurements.Price, "eur_per_mwh", "zone", zone, from, to, hour, TimeSeriesAggregation.Mean, ct))
            .ToDictionary(p => p.Time, p => new EurPerMwh(p.Value));
        var usefulByKey = (await useful).ToDictionary(g => g.GroupTagValue ?? "", g => g.Points.ToDictionary(p => DateOnly.FromDateTime(p.Time.UtcDateTime), p => p.Value));

        var days = new List<DailyEnergy>();
        foreach (var group in await energy)
        {
            var key = group.GroupTagValue ?? "";
            foreach (var day in group.Points.GroupBy(p => DateOnly.FromDateTime(p.Time.UtcDateTime)))
            {
                var wh = day.Sum(p => p.Value);
                // Cost per hour at that hour's price; an hour without a known price costs nothing rather than a guess.
                var cost = day.Aggregate(Eur.Zero, (sum, p) => sum + (prices.TryGetValue(p.Time, out var price) ? new WattHours(p.Value) * price : Eur.Zero));
                var usefulWh = usefulByKey.TryGetValue(key, out var byDay) && byDay.TryGetValue(day.Key, out var u) ? u : 0;
                days.Add(new DailyEnergy(key, day.Key, new WattHours(wh), new WattHours(usefulWh), cost));
            }
        }

        return days;
    }

    private async Task<IReadOnlyList<TimeSeriesPoint>> SeriesAsync(
        string measurement, string field, string tag, string value, DateTimeOffset from, DateTimeOffset to, TimeSpan resolution, TimeSeriesAggregation aggregation, CancellationToken ct)
    {
        var groups = await store.QueryAsync(
            new TimeSeriesQuery
            {
                Measurement = measurement,
                Field = field,
                From = from,
                To = to,
                Tags = new Dictionary<string, string> { [tag] = value },
                Resolution = resolution,
                Aggregation = aggregation,
            },
            ct);
        return groups.Count == 0 ? [] : groups[0].Points;
    }

    private Task<IReadOnlyList<TimeSeriesGroup>> QueryAsync(
        string measurement, string field, DateTimeOffset from, DateTimeOffset to, TimeSpan resolution, TimeSeriesAggregation aggregation, string groupBy,
        IReadOnlyDictionary<string, string> tags, CancellationToken ct) =>
        store.QueryAsync(
            new TimeSeriesQuery
            {
                Measurement = measurement,
                Field = field,
                From = from,
                To = to,
                Tags = tags,
                Resolution = resolution,
                Aggregation = aggregation,
                GroupByTag = groupBy,
            },
            ct);
}
