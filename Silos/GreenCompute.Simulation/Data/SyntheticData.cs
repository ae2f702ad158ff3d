namespace GreenCompute.Simulation.Data;

/// <summary>
/// The labelled SYNTHETIC profile used when no data folder is found: deterministic curves shaped like the real
/// ones, never presented as measurements.
/// </summary>
internal static class SyntheticData
{
    public const string Source = "synthetic";

    private static readonly string[] Zones = ["BE", "DE", "FR", "NP"];

    /// <summary>Hourly prices for every zone over <paramref name="window"/> plus a two-day margin each side.</summary>
    public static PriceSeries Prices(TimeRange window)
    {
        var first = FloorToHour(window.Start).AddDays(-2);
        var hours = (int)Math.Ceiling((window.End - first).TotalHours) + 48;
        var zones = new Dictionary<string, (DateTimeOffset, double[])>(StringComparer.Ordinal);
        foreach (var (zone, level) in Zones.Select((z, i) => (z, 1.0 - (0.1 * i))))
        {
            var offset = PriceSeries.StandardOffset(zone);
            var prices = new double[hours];
            for (var i = 0; i < hours; i++)
            {
                var local = first.AddHours(i).ToOffset(offset);
                prices[i] = Math.Round(level * PriceShape(local), 2);
            }

            zones[zone] = (first, prices);
        }

        return new PriceSeries(Source, zones);
    }

    /// <summary>A winter outdoor temperature: daily swing (coldest 03:00, warmest 15:00) on a five-day wave.</summary>
    public static WeatherSeries Weather(TimeRange window, TimeSpan localOffset)
    {
        var first = FloorToHour(window.Start).AddDays(-2);
        var hours = (int)Math.Ceiling((window.End - first).TotalHours) + 48;
        var temperature = new double[hours];
        var ghi = new double[hours];
        for (var i = 0; i < hours; i++)
        {
            var local = first.AddHours(i).ToOffset(localOffset);
            var hour = local.TimeOfDay.TotalHours;
            var day = (local - first).TotalDays;
            temperature[i] = 3.0 + (4.0 * Math.Sin(2 * Math.PI * (hour - 9) / 24)) + (3.0 * Math.Sin(2 * Math.PI * day / 5));
            ghi[i] = hour is > 8 and < 16 ? 350.0 * Math.Sin(Math.PI * (hour - 8) / 8) : 0.0;
        }

        return new WeatherSeries(Source, first, temperature, ghi, isCyclic: false, TimeSpan.Zero);
    }

    /// <summary>A job stream with heavy-tailed run times and power-of-two widths, like a parallel machine's log.</summary>
    public static JobTrace Jobs(TimeSpan span, int seed = 1993)
    {
        var random = new Random(seed);
        var jobs = new List<TraceJob>();
        var t = 0.0;
        var id = 1L;
        while (t < span.TotalSeconds)
        {
            t += -Math.Log(1 - random.NextDouble()) * 400.0;
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var runtime = Math.Clamp(Math.Round(90.0 * Math.Exp(1.8 * normal)), 1, 36_000);
            var processors = 1 << random.Next(0, 8);
            jobs.Add(new TraceJob(id++, TimeSpan.FromSeconds(Math.Round(t)), TimeSpan.FromSeconds(runtime), processors));
        }

        return new JobTrace(Source, jobs, jobs.Count, skipped: 0, headerMaxJobs: null);
    }

    /// <summary>EUR/MWh at a local market time: night trough, morning and evening peaks, cheaper weekends.</summary>
    private static double PriceShape(DateTimeOffset local)
    {
        var h = local.Hour;
        var price = 45.0
            + (25.0 * Gauss(h, 8, 1.5))
            + (35.0 * Gauss(h, 19, 2.0))
            - (12.0 * Gauss(h, 3, 2.5));
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            price -= 10.0;
        }

        return price + (5.0 * Math.Sin(2 * Math.PI * local.DayOfYear / 7.3));
    }

    private static double Gauss(double x, double mean, double width) => Math.Exp(-Math.Pow((x - mean) / width, 2));

    private static DateTimeOffset FloorToHour(DateTimeOffset t) =>
        new(t.UtcDateTime.Date.AddHours(t.UtcDateTime.Hour), TimeSpan.Zero);
}
