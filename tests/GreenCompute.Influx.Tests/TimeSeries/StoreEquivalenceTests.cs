using GreenCompute.Core.Time;
using GreenCompute.Influx.Embedded;
using GreenCompute.Influx.Http;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Querying;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Influx.TimeSeries;
using GreenCompute.Influx.Writing;

namespace GreenCompute.Influx.Tests.TimeSeries;

/// <summary>The same points in the embedded store and in influxd 1.6.7 (through the adapter) give the same answers.</summary>
public sealed class StoreEquivalenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Query_EveryResolutionAndAggregation_EmbeddedAnswersLikeInfluxd()
    {
        await using var server = await InfluxServer.StartAsync("eq");
        using var directory = new TempDirectory();
        using var http = new HttpClient();
        var connection = new InfluxConnectionOptions { Url = server.Url, Database = "eq" };
        await using var writer = new InfluxWriter(http, connection, new InfluxWriterOptions { BufferPath = directory.File("buffer.db") });
        ITimeSeriesStore influx = new InfluxTimeSeriesStore(writer, new InfluxQueryClient(http, connection));
        using var embedded = new EmbeddedInfluxStore(
            new EmbeddedStoreOptions { Path = directory.File("series.db"), RetentionCheckInterval = TimeSpan.Zero },
            new ManualTimeProvider(Start.AddHours(4)));

        var points = Points();
        Assert.True(await influx.WriteAsync(points));
        await embedded.WriteAsync(points);
        await Waits.For(writer.FlushAsync(), "the points to reach influxd");

        int compared = 0;
        foreach (var query in Queries())
        {
            var expected = await influx.QueryAsync(query);
            var actual = await embedded.QueryAsync(query);
            AssertSame(expected, actual, query);
            compared += expected.Sum(series => series.Points.Count);
        }

        Assert.True(compared > 500, $"only {compared} values compared");
    }

    /// <summary>Three rooms, about 3 hours across midnight, a float every 20 s and an integer every 50 s (a jittered, deterministic pattern).</summary>
    private static List<PointData> Points()
    {
        var points = new List<PointData>();
        var random = new Random(42);
        foreach (string room in (string[])["salon", "cave", "bureau"])
        {
            for (int second = 7; second < 3 * 3600; second += 20)
            {
                points.Add(PointData.Measurement("heater").Tag("room", room).Tag("node", room + "-n")
                    .Field("celsius", Math.Round(15 + (random.NextDouble() * 10), 3))
                    .Timestamp(Start.AddSeconds(second), WritePrecision.Seconds));
            }

            for (int second = 0; second < 3 * 3600; second += 50)
            {
                points.Add(PointData.Measurement("heater").Tag("room", room).Tag("node", room + "-n")
                    .Field("energy_wh", (long)random.Next(0, 400))
                    .Timestamp(Start.AddSeconds(second), WritePrecision.Seconds));
            }
        }

        return points;
    }

    private static IEnumerable<TimeSeriesQuery> Queries()
    {
        foreach (var resolution in (TimeSpan?[])[null, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromDays(1)])
        {
            foreach (var aggregation in Enum.GetValues<TimeSeriesAggregation>())
            {
                if (resolution is null && aggregation != TimeSeriesAggregation.Mean)
                {
                    continue;
                }

                yield return new TimeSeriesQuery
                {
                    Measurement = "heater",
                    Field = "celsius",
                    From = Start.AddMinutes(13).AddSeconds(20),
                    To = Start.AddHours(2).AddSeconds(5),
                    Tags = new Dictionary<string, string> { ["room"] = "salon" },
                    Resolution = resolution,
                    Aggregation = aggregation,
                };
                yield return new TimeSeriesQuery
                {
                    Measurement = "heater",
                    Field = "energy_wh",
                    From = Start,
                    To = Start.AddDays(1),
                    Resolution = resolution,
                    Aggregation = aggregation,
                    GroupByTag = "room",
                };
            }
        }
    }

    private static void AssertSame(IReadOnlyList<TimeSeriesGroup> expected, IReadOnlyList<TimeSeriesGroup> actual, TimeSeriesQuery query)
    {
        string what = $"{query.Field} {query.Aggregation} at {query.Resolution?.ToString() ?? "raw"}";
        Assert.True(expected.Count > 0, $"influxd gave nothing for {what}");
        Assert.Equal(expected.Select(series => series.GroupTagValue), actual.Select(series => series.GroupTagValue));
        for (int s = 0; s < expected.Count; s++)
        {
            Assert.True(expected[s].Points.Count == actual[s].Points.Count, $"{what}: {expected[s].Points.Count} points from influxd, {actual[s].Points.Count} embedded");
            for (int i = 0; i < expected[s].Points.Count; i++)
            {
                var (want, got) = (expected[s].Points[i], actual[s].Points[i]);
                Assert.True(want.Time == got.Time, $"{what}: point {i} at {want.Time:O} from influxd, {got.Time:O} embedded");
                Assert.True(Math.Abs(want.Value - got.Value) <= 1e-9 * Math.Max(1, Math.Abs(want.Value)), $"{what} at {want.Time:O}: influxd {want.Value}, embedded {got.Value}");
            }
        }
    }
}
