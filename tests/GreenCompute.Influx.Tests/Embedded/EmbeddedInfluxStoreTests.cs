using GreenCompute.Core.Time;
using GreenCompute.Influx.Embedded;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Influx.TimeSeries;

namespace GreenCompute.Influx.Tests.Embedded;

public sealed class EmbeddedInfluxStoreTests : IDisposable
{
    private static readonly DateTimeOffset Hour0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new(Hour0.AddDays(1));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteThenQuery_RawPoints_RoundTripWithTagFilterAndOrder()
    {
        using var store = Open();
        await store.WriteAsync([Temp("salon", "n1", Hour0.AddSeconds(20), 21.5), Temp("salon", "n1", Hour0, 20.0), Temp("cave", "n2", Hour0, 12.0)]);
        await store.WriteLinesAsync($"temp,node=n1,room=salon c=22i {Hour0.AddSeconds(40).ToUnixTimeSeconds()}\ntemp,room=salon label=\"x\"", WritePrecision.Seconds);

        var answer = await store.QueryAsync(Query("salon", resolution: null));

        var series = Assert.Single(answer);
        Assert.Null(series.GroupTagValue);
        Assert.Equal([(Hour0, 20.0), (Hour0.AddSeconds(20), 21.5), (Hour0.AddSeconds(40), 22.0)], series.Points.Select(p => (p.Time, p.Value)));
    }

    [Fact]
    public async Task Query_MinuteAndHourResolutions_MatchHandComputedRollups()
    {
        using var store = Open();
        // Minute 0: 1, 2, 6. Minute 1: 10. Hour 1 (minute 60): -4.
        await store.WriteAsync([
            Temp("salon", "n1", Hour0, 1), Temp("salon", "n1", Hour0.AddSeconds(30), 2), Temp("salon", "n1", Hour0.AddSeconds(59), 6),
            Temp("salon", "n1", Hour0.AddMinutes(1), 10), Temp("salon", "n1", Hour0.AddMinutes(60), -4),
        ]);

        Assert.Equal([(Hour0, 3.0), (Hour0.AddMinutes(1), 10.0), (Hour0.AddHours(1), -4.0)], await Values(store, TimeSpan.FromMinutes(1), TimeSeriesAggregation.Mean));
        Assert.Equal([(Hour0, 1.0), (Hour0.AddMinutes(1), 10.0), (Hour0.AddHours(1), -4.0)], await Values(store, TimeSpan.FromMinutes(1), TimeSeriesAggregation.Min));
        Assert.Equal([(Hour0, 19.0), (Hour0.AddHours(1), -4.0)], await Values(store, TimeSpan.FromHours(1), TimeSeriesAggregation.Sum));
        Assert.Equal([(Hour0, 4.75), (Hour0.AddHours(1), -4.0)], await Values(store, TimeSpan.FromHours(1), TimeSeriesAggregation.Mean));
        Assert.Equal([(Hour0, 10.0), (Hour0.AddHours(1), -4.0)], await Values(store, TimeSpan.FromHours(1), TimeSeriesAggregation.Max));
        Assert.Equal([(Hour0, 5.0)], await Values(store, TimeSpan.FromHours(2), TimeSeriesAggregation.Count));
        Assert.Equal([(Hour0, 1.0), (Hour0.AddSeconds(30), 8.0), (Hour0.AddMinutes(1), 10.0), (Hour0.AddHours(1), -4.0)],
            await Values(store, TimeSpan.FromSeconds(30), TimeSeriesAggregation.Sum));
    }

    [Fact]
    public async Task Write_SamePointAgain_LeavesRollupsUnchanged_AndANewValueReplacesIt()
    {
        using var store = Open();
        await store.WriteAsync([Temp("salon", "n1", Hour0, 1), Temp("salon", "n1", Hour0.AddSeconds(1), 3)]);
        await store.WriteAsync([Temp("salon", "n1", Hour0, 1)]);

        Assert.Equal([(Hour0, 2.0)], await Values(store, TimeSpan.FromHours(1), TimeSeriesAggregation.Count));

        await store.WriteAsync([Temp("salon", "n1", Hour0.AddSeconds(1), 7)]);

        Assert.Equal([(Hour0, 2.0)], await Values(store, TimeSpan.FromHours(1), TimeSeriesAggregation.Count));
        Assert.Equal([(Hour0, 7.0)], await Values(store, TimeSpan.FromMinutes(1), TimeSeriesAggregation.Max));
        Assert.Equal([(Hour0, 8.0)], await Values(store, TimeSpan.FromHours(1), TimeSeriesAggregation.Sum));
    }

    [Fact]
    public async Task DailySumGroupedByRoom_GivesEnergyPerRoomPerDay()
    {
        using var store = Open();
        var day1 = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await store.WriteAsync([
            Energy("salon", day1.AddHours(1), 100), Energy("salon", day1.AddHours(23), 50), Energy("salon", day1.AddDays(1).AddHours(5), 70),
            Energy("cave", day1.AddHours(12), 30), PointData.Measurement("heater").Field("energy_wh", 5L).Timestamp(day1.AddHours(2), WritePrecision.Seconds),
        ]);

        var answer = await store.QueryAsync(new TimeSeriesQuery
        {
            Measurement = "heater",
            Field = "energy_wh",
            From = day1,
            To = day1.AddDays(7),
            Resolution = TimeSpan.FromDays(1),
            Aggregation = TimeSeriesAggregation.Sum,
            GroupByTag = "room",
        });

        Assert.Equal(["", "cave", "salon"], answer.Select(series => series.GroupTagValue));
        Assert.Equal([(day1, 5.0)], answer[0].Points.Select(p => (p.Time, p.Value)));
        Assert.Equal([(day1, 30.0)], answer[1].Points.Select(p => (p.Time, p.Value)));
        Assert.Equal([(day1, 150.0), (day1.AddDays(1), 70.0)], answer[2].Points.Select(p => (p.Time, p.Value)));
    }

    [Fact]
    public async Task ApplyRetention_PerNodeTag_DeletesOldRawPointsButKeepsRollups()
    {
        using var store = Open(options =>
        {
            options.RawRetention = TimeSpan.FromDays(2);
            options.RawRetentionByTagValue["chatty"] = TimeSpan.FromHours(12);
            options.MinuteRollupRetention = TimeSpan.FromDays(8);
        });
        await store.WriteAsync([Temp("salon", "chatty", Hour0, 20), Temp("cave", "calm", Hour0, 10)]);

        long deleted = await store.ApplyRetentionAsync(); // now = Hour0 + 1 day

        Assert.Equal(1, deleted);
        Assert.Empty(await store.QueryAsync(Query("salon", resolution: null)));
        Assert.Single(await store.QueryAsync(Query("cave", resolution: null)));
        Assert.Equal([(Hour0, 20.0)], await Values(store, TimeSpan.FromMinutes(1), TimeSeriesAggregation.Mean, "salon"));
        _time.Advance(TimeSpan.FromDays(8));
        await store.ApplyRetentionAsync();
        Assert.Empty(await store.QueryAsync(Query("salon", TimeSpan.FromMinutes(1))));
        Assert.Equal([(Hour0, 20.0)], await Values(store, TimeSpan.FromHours(1), TimeSeriesAggregation.Mean, "salon"));
    }

    [Fact]
    public async Task RetentionTimer_OnTheInjectedClock_RunsOnItsOwn()
    {
        using var store = Open(options => options.RetentionCheckInterval = TimeSpan.FromMinutes(10));
        await store.WriteAsync([Temp("salon", "n1", Hour0, 20)]);

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(10)); // the point is now 2 days and 10 minutes old

        Assert.Empty(await store.QueryAsync(Query("salon", resolution: null)));
        Assert.Null(store.LastRetentionFault);
    }

    [Fact]
    public async Task Reopen_File_KeepsSeriesPointsAndRollups()
    {
        using (var store = Open())
        {
            await store.WriteAsync([Temp("salon", "n1", Hour0, 1)]);
        }

        using var reopened = Open();
        await reopened.WriteAsync([Temp("salon", "n1", Hour0.AddSeconds(10), 5)]);

        Assert.Equal([(Hour0, 3.0)], await Values(reopened, TimeSpan.FromMinutes(1), TimeSeriesAggregation.Mean));
    }

    [Fact]
    public async Task Write_PointWithoutFieldsInTheBatch_StoresNothing()
    {
        using var store = Open();

        await Assert.ThrowsAsync<LineProtocolException>(() => store.WriteLinesAsync("temp,room=salon v=1 1\ntemp,room=salon 2"));

        Assert.Empty(await store.QueryAsync(Query("salon", resolution: null) with { From = DateTimeOffset.UnixEpoch }));
    }

    private static PointData Temp(string room, string node, DateTimeOffset time, double celsius) =>
        PointData.Measurement("temp").Tag("room", room).Tag("node", node).Field("c", celsius).Timestamp(time, WritePrecision.Nanoseconds);

    private static PointData Energy(string room, DateTimeOffset time, long wattHours) =>
        PointData.Measurement("heater").Tag("room", room).Field("energy_wh", wattHours).Timestamp(time, WritePrecision.Seconds);

    private static TimeSeriesQuery Query(string room, TimeSpan? resolution) => new()
    {
        Measurement = "temp",
        Field = "c",
        From = Hour0.AddHours(-1),
        To = Hour0.AddHours(3),
        Tags = new Dictionary<string, string> { ["room"] = room },
        Resolution = resolution,
    };

    private static async Task<List<(DateTimeOffset, double)>> Values(EmbeddedInfluxStore store, TimeSpan resolution, TimeSeriesAggregation aggregation, string room = "salon") =>
        [.. Assert.Single(await store.QueryAsync(Query(room, resolution) with { Aggregation = aggregation })).Points.Select(p => (p.Time, p.Value))];

    private EmbeddedInfluxStore Open(Action<EmbeddedStoreOptions>? configure = null)
    {
        var options = new EmbeddedStoreOptions { Path = _directory.File("series.db"), RetentionCheckInterval = TimeSpan.Zero };
        configure?.Invoke(options);
        return new EmbeddedInfluxStore(options, _time);
    }
}
