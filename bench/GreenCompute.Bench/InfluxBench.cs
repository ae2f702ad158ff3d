using System.Diagnostics;
using System.Globalization;
using GreenCompute.Influx.Embedded;
using GreenCompute.Influx.Http;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Querying;
using GreenCompute.Influx.TimeSeries;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Influx.Writing;

namespace GreenCompute.Bench;

/// <summary>
/// Issue 4's benchmark: points/s from one writer into influxd 1.6 (started here on loopback) and into the embedded
/// store, with the silo's real telemetry shape for 10,000 nodes; and the 7-day room chart query on each store.
/// </summary>
internal static class InfluxBench
{
    private const int Nodes = 10_000;
    private const int ReportsPerNode = 20;
    private const int Repeats = 3;
    private const int QueryRepeats = 21;
    private static readonly DateTimeOffset Start = new(2017, 10, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task RunAsync()
    {
        var title = string.Create(Inv, $"Telemetry store benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}); ") +
            string.Create(Inv, $"{Nodes:N0} nodes × {ReportsPerNode} reports of node_telemetry (2 tags, 9 fields); medians of {Repeats} runs, queries of {QueryRepeats}.");
        Console.WriteLine(title);
        Console.WriteLine();
        await using var influxd = await InfluxServer.StartAsync("bench");
        using var http = new HttpClient();
        var connection = new InfluxConnectionOptions { Url = influxd.Url, Database = "bench" };
        var folder = Directory.CreateTempSubdirectory("gc-influx-bench-");
        try
        {
            var rows = new List<string>();
            var influxRates = new List<double>();
            var embeddedRates = new List<double>();
            var rawRates = new List<double>();
            for (var run = 0; run < Repeats; run++)
            {
                var points = Telemetry(run);
                await using (var writer = new InfluxWriter(http, connection, new InfluxWriterOptions
                {
                    BufferPath = Path.Combine(folder.FullName, $"buffer-{run}.db"),
                    MaxBatchPoints = 5_000,
                    MaxBufferedPoints = points.Count * 2,
                }))
                {
                    var clock = Stopwatch.StartNew();
                    await writer.WriteAsync(points);
                    await writer.FlushAsync();
                    influxRates.Add(points.Count / clock.Elapsed.TotalSeconds);
                }

                // The server's own ceiling for the same lines: pre-encoded batches POSTed one after another, no client buffer.
                var lines = points.Select(p => p.ToLineProtocol()).Chunk(5_000).Select(c => string.Join('\n', c)).ToList();
                var raw = Stopwatch.StartNew();
                foreach (var batch in lines)
                {
                    await influxd.WriteAsync("bench", batch, "s");
                }

                rawRates.Add(points.Count / raw.Elapsed.TotalSeconds);

                using var embedded = new EmbeddedInfluxStore(new EmbeddedStoreOptions { Path = Path.Combine(folder.FullName, $"embedded-{run}.db"), RawRetention = TimeSpan.FromDays(30) });
                var watch = Stopwatch.StartNew();
                foreach (var chunk in points.Chunk(5_000))
                {
                    await embedded.WriteAsync(chunk);
                }

                embeddedRates.Add(points.Count / watch.Elapsed.TotalSeconds);
            }

            var room = RoomWeek();
            await using var roomWriter = new InfluxWriter(http, connection, new InfluxWriterOptions { BufferPath = Path.Combine(folder.FullName, "room.db"), MaxBufferedPoints = room.Count * 2 });
            await roomWriter.WriteAsync(room);
            await roomWriter.FlushAsync();
            var influxStore = new InfluxTimeSeriesStore(roomWriter, new InfluxQueryClient(http, connection));
            using var embeddedRoom = new EmbeddedInfluxStore(new EmbeddedStoreOptions { Path = Path.Combine(folder.FullName, "room-embedded.db"), RawRetention = TimeSpan.FromDays(30) });
            foreach (var chunk in room.Chunk(5_000))
            {
                await embeddedRoom.WriteAsync(chunk);
            }

            Console.WriteLine("| store | points/s, one writer (median) | 7-day room chart query, ms (median) |");
            Console.WriteLine("|---|---:|---:|");
            var influxChart = await ChartMillisecondsAsync(influxStore);
            var embeddedChart = await ChartMillisecondsAsync(embeddedRoom);
            Console.WriteLine(string.Create(Inv, $"| influxd 1.6.7 (HTTP, batches of 5,000, gzip, disk buffer) | {Median(influxRates):N0} | {influxChart:F1} |"));
            Console.WriteLine(string.Create(Inv, $"| influxd 1.6.7, pre-encoded lines POSTed directly (the server's ceiling here) | {Median(rawRates):N0} | |"));
            Console.WriteLine(string.Create(Inv, $"| embedded SQLite store | {Median(embeddedRates):N0} | {embeddedChart:F1} |"));
            Console.WriteLine();
            Console.WriteLine("The chart query is the dashboard's: temperature, band min, band max and power of one room at 1 h over 7 days (4 queries), from 10 s telemetry.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static List<PointData> Telemetry(int run)
    {
        var points = new List<PointData>(Nodes * ReportsPerNode);
        var random = new Random(run);
        for (var r = 0; r < ReportsPerNode; r++)
        {
            var time = Start.AddDays(run).AddSeconds(10 * r);
            for (var n = 0; n < Nodes; n++)
            {
                points.Add(Point($"n{n:D5}", $"s{n / 24:D4}", time, random));
            }
        }

        return points;
    }

    private static List<PointData> RoomWeek()
    {
        var random = new Random(7);
        var points = new List<PointData>();
        for (var t = Start.AddDays(10); t < Start.AddDays(17); t = t.AddSeconds(10))
        {
            points.Add(Point("room-1", "s0001", t, random));
        }

        return points;
    }

    private static PointData Point(string node, string site, DateTimeOffset time, Random random) =>
        PointData.Measurement("node_telemetry")
            .Tag("node", node)
            .Tag("site", site)
            .Field("room_c", 20 + (random.NextDouble() * 3))
            .Field("band_min_c", 20.0)
            .Field("band_max_c", 23.0)
            .Field("power_w", random.NextDouble() * 1000)
            .Field("energy_wh", random.NextDouble() * 1e6)
            .Field("energy_delta_wh", random.NextDouble() * 3)
            .Field("useful_wh", random.NextDouble() * 3)
            .Field("cpu", random.NextDouble())
            .Field("tasks", (long)random.Next(0, 17))
            .Timestamp(time, WritePrecision.Seconds);

    private static async Task<double> ChartMillisecondsAsync(ITimeSeriesStore store)
    {
        var times = new List<double>();
        for (var i = 0; i < QueryRepeats; i++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var field in new[] { "room_c", "band_min_c", "band_max_c", "power_w" })
            {
                var result = await store.QueryAsync(new TimeSeriesQuery
                {
                    Measurement = "node_telemetry",
                    Field = field,
                    From = Start.AddDays(10),
                    To = Start.AddDays(17),
                    Tags = new Dictionary<string, string> { ["node"] = "room-1" },
                    Resolution = TimeSpan.FromHours(1),
                });
                if (result.Count == 0 || result[0].Points.Count < 160)
                {
                    throw new InvalidOperationException($"The chart query for {field} returned too little: the benchmark is not measuring what it says.");
                }
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Median(times);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
