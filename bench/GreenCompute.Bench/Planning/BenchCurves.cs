using System.Globalization;

namespace GreenCompute.Bench.Planning;

/// <summary>
/// One real winter day of inputs, hourly, from ../shared/data: French day-ahead prices of 2016-12-01 (EPF
/// benchmark data, Lago et al. 2021: a morning and an evening peak, 51–267 EUR/MWh) and the outdoor temperature of
/// 31 December in the PVGIS typical year at 45 N 8 E (−2.3…7.0 °C). When the folder is missing, a labelled
/// synthetic day of the same shape stands in.
/// </summary>
internal sealed record BenchCurves(double[] HourlyPrices, double[] HourlyOutdoor, string Source)
{
    private const string PriceFile = "prices-epf-be-de-fr-np.csv";
    private const string WeatherFile = "weather-pvgis-tmy-45n8e-hourly.csv";

    public static BenchCurves Load()
    {
        var folder = FindDataFolder();
        if (folder is null)
        {
            var prices = Enumerable.Range(0, 24).Select(h => 60 + (h is >= 7 and <= 9 ? 120.0 : 0) + (h is >= 17 and <= 19 ? 200.0 : 0)).ToArray();
            var outdoor = Enumerable.Range(0, 24).Select(h => 2.5 - (4.5 * Math.Cos((h - 15) * Math.PI / 12))).ToArray();
            return new BenchCurves(prices, outdoor, "SYNTHETIC curves (../shared/data not found): a two-peak price day, −2…7 °C");
        }

        var hourlyPrices = File.ReadLines(Path.Combine(folder, PriceFile))
            .Where(line => line.StartsWith("FR,2016-12-01 ", StringComparison.Ordinal))
            .Select(line => double.Parse(line.Split(',')[2], CultureInfo.InvariantCulture))
            .ToArray();
        var hourlyOutdoor = File.ReadLines(Path.Combine(folder, WeatherFile))
            .Where(line => line.Contains("-12-31T", StringComparison.Ordinal))
            .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))
            .ToArray();
        if (hourlyPrices.Length != 24 || hourlyOutdoor.Length != 24)
        {
            throw new InvalidDataException($"Expected 24 hourly rows in {folder}, got {hourlyPrices.Length} prices and {hourlyOutdoor.Length} temperatures.");
        }

        return new BenchCurves(hourlyPrices, hourlyOutdoor,
            $"{folder}: FR day-ahead prices 2016-12-01 (EPF, Lago et al. 2021), PVGIS TMY 45N 8E outdoor 31 Dec");
    }

    /// <summary>The hourly value of each slot of a horizon that starts at midnight.</summary>
    public static double AtSlot(double[] hourly, int slot, TimeSpan slotLength) =>
        hourly[(int)(slot * slotLength.TotalHours) % hourly.Length];

    private static string? FindDataFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
                if (File.Exists(Path.Combine(candidate, PriceFile)) && File.Exists(Path.Combine(candidate, WeatherFile)))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }
}
