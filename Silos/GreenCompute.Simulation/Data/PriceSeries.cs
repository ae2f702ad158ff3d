using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Data;

/// <summary>
/// Hourly day-ahead prices per market zone (EUR/MWh, may be negative), keyed by UTC instant. A price holds for
/// its whole hour, so the four quarter-hours of an hour read the same price.
/// </summary>
/// <remarks>
/// The EPF file's <c>ds</c> is naive local market time. All four zones (BE, FR, DE, NP) run on CET, and the
/// file has exactly 24 rows per day (no DST duplicate or gap), so every row is converted with the standard
/// offset UTC+1. Simplification: the days before the last Sunday of October (CEST, UTC+2) are then one hour
/// late — 2016-10-22…29 for BE/FR, 2017-10-22…28 for DE; NP starts after the change.
/// </remarks>
public sealed class PriceSeries
{
    public const string FileName = "prices-epf-be-de-fr-np.csv";

    private const string Header = "unique_id,ds,y";

    private static readonly Dictionary<string, TimeSpan> StandardOffsets = new(StringComparer.Ordinal)
    {
        ["BE"] = TimeSpan.FromHours(1),
        ["FR"] = TimeSpan.FromHours(1),
        ["DE"] = TimeSpan.FromHours(1),
        ["NP"] = TimeSpan.FromHours(1),
    };

    private readonly Dictionary<string, ZoneCurve> _zones;

    internal PriceSeries(string source, IReadOnlyDictionary<string, (DateTimeOffset FirstHour, double[] Prices)> zones)
    {
        Source = source;
        _zones = zones.ToDictionary(z => z.Key, z => new ZoneCurve(z.Value.FirstHour, z.Value.Prices), StringComparer.Ordinal);
        Zones = [.. _zones.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Where the prices came from (a file path or "synthetic").</summary>
    public string Source { get; }

    /// <summary>The zones in this series, sorted.</summary>
    public IReadOnlyList<string> Zones { get; }

    /// <summary>The market's standard (winter) offset from UTC used to read its naive timestamps.</summary>
    public static TimeSpan StandardOffset(string zone) =>
        StandardOffsets.TryGetValue(zone, out var offset)
            ? offset
            : throw new ArgumentException(
                $"Unknown price zone '{zone}'. Known zones: {string.Join(", ", StandardOffsets.Keys.Order(StringComparer.Ordinal))}.",
                nameof(zone));

    /// <summary>Reads the EPF price file. Throws <see cref="DataFileException"/> naming file:line on bad input.</summary>
    public static PriceSeries Load(string path)
    {
        var rows = new Dictionary<string, (DateTime First, DateTime Last, List<double> Prices)>(StringComparer.Ordinal);
        foreach (var (line, text) in DataText.ReadLines(path))
        {
            if (line == 1)
            {
                DataText.ExpectHeader(path, line, text, Header);
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var fields = DataText.SplitCsv(path, line, text, 3);
            var zone = fields[0].Trim();
            if (!StandardOffsets.ContainsKey(zone))
            {
                throw new DataFileException(
                    $"unknown zone '{zone}'; known zones: {string.Join(", ", StandardOffsets.Keys.Order(StringComparer.Ordinal))}",
                    path,
                    line);
            }

            var local = DataText.ParseNaive(path, line, fields[1].Trim(), "ds");
            var price = DataText.ParseDouble(path, line, fields[2].Trim(), "price y");
            if (!rows.TryGetValue(zone, out var curve))
            {
                rows[zone] = (local, local, [price]);
                continue;
            }

            var expected = curve.Last.AddHours(1);
            if (local != expected)
            {
                throw new DataFileException(
                    $"zone {zone}: expected the hour {expected:yyyy-MM-dd HH:mm:ss} after {curve.Last:yyyy-MM-dd HH:mm:ss} " +
                    $"but found {local:yyyy-MM-dd HH:mm:ss} (gap, duplicate or unsorted rows)",
                    path,
                    line);
            }

            curve.Prices.Add(price);
            rows[zone] = (curve.First, local, curve.Prices);
        }

        if (rows.Count == 0)
        {
            throw new DataFileException("no price rows", path);
        }

        return new PriceSeries(
            path,
            rows.ToDictionary(
                r => r.Key,
                r => (new DateTimeOffset(r.Value.First, StandardOffset(r.Key)).ToUniversalTime(), r.Value.Prices.ToArray())));
    }

    /// <summary>The instants covered by <paramref name="zone"/>: first hour start to last hour end.</summary>
    public TimeRange Coverage(string zone)
    {
        var curve = Curve(zone);
        return new TimeRange(curve.FirstHour, curve.FirstHour.AddHours(curve.Prices.Length));
    }

    /// <summary>The price of the hour holding <paramref name="instant"/>; throws outside the zone's coverage.</summary>
    public EurPerMwh PriceAt(string zone, DateTimeOffset instant)
    {
        if (TryGetPrice(zone, instant, out var price))
        {
            return price;
        }

        throw new ArgumentOutOfRangeException(
            nameof(instant), $"{instant:O} is outside the {zone} prices ({Coverage(zone)}) from {Source}.");
    }

    public bool TryGetPrice(string zone, DateTimeOffset instant, out EurPerMwh price)
    {
        var curve = Curve(zone);
        var index = (long)Math.Floor((instant - curve.FirstHour).TotalHours);
        if (index < 0 || index >= curve.Prices.Length)
        {
            price = default;
            return false;
        }

        price = new EurPerMwh(curve.Prices[index]);
        return true;
    }

    /// <summary>Prices for <paramref name="count"/> consecutive slots of <paramref name="slot"/> from <paramref name="from"/>.</summary>
    public IReadOnlyList<EurPerMwh> Slots(string zone, DateTimeOffset from, TimeSpan slot, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slot, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new EurPerMwh[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = PriceAt(zone, from + (slot * i));
        }

        return result;
    }

    /// <summary>Every hourly price of <paramref name="zone"/>, in order.</summary>
    public IReadOnlyList<PricePoint> Hourly(string zone)
    {
        var curve = Curve(zone);
        return [.. curve.Prices.Select((p, i) => new PricePoint(zone, curve.FirstHour.AddHours(i), new EurPerMwh(p)))];
    }

    private ZoneCurve Curve(string zone) =>
        _zones.TryGetValue(zone, out var curve)
            ? curve
            : throw new ArgumentException(
                $"No prices for zone '{zone}' in {Source}. Known zones: {string.Join(", ", Zones)}.", nameof(zone));

    private sealed record ZoneCurve(DateTimeOffset FirstHour, double[] Prices);
}
