using System.Collections.Immutable;
using System.Globalization;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// Reads a day-ahead price export in the ENTSO-E Transparency Platform style into a <see cref="PriceCurve"/>.
/// Accepted columns (found by header, in any order, every field optionally double-quoted; others are ignored):
/// <list type="bullet">
/// <item><c>MTU (UTC)</c>, <c>MTU (CET/CEST)</c> or <c>MTU (CET)</c>: "dd.MM.yyyy HH:mm - dd.MM.yyyy HH:mm" (or
/// "dd/MM/yyyy HH:mm:ss - …"); a "(CET)"/"(CEST)" suffix on a time fixes its offset. Without one, CET/CEST times use
/// Europe/Brussels, and the repeated hour at the end of summer time is read as CEST the first time, CET the second.</item>
/// <item>A price column whose header starts with <c>Day-ahead Price</c> and names <c>EUR/MWh</c>
/// ("[EUR/MWh]" or "(EUR/MWh)"); invariant decimal point.</item>
/// </list>
/// Rows without a price ("", "n/e", "-", "N/A") at the end are dropped (not yet published); a missing price or a gap in
/// the middle, mixed resolutions, or rows out of order are errors naming the line.
/// </summary>
internal static class EntsoePriceCsv
{
    private static readonly string[] TimeFormats = ["dd.MM.yyyy HH:mm", "dd.MM.yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss"];

    public static PriceCurve Read(TextReader reader, string zone)
    {
        var header = Split(reader.ReadLine() ?? throw new FormatException("The price CSV is empty."));
        var mtu = Array.FindIndex(header, h => h.StartsWith("MTU", StringComparison.OrdinalIgnoreCase));
        var price = Array.FindIndex(header, h => h.StartsWith("Day-ahead Price", StringComparison.OrdinalIgnoreCase)
            && h.Contains("EUR/MWh", StringComparison.OrdinalIgnoreCase));
        if (mtu < 0 || price < 0)
        {
            throw new FormatException($"The price CSV needs an 'MTU (UTC|CET/CEST)' and a 'Day-ahead Price [EUR/MWh]' column; header was: {string.Join(",", header)}");
        }

        var utc = header[mtu].Contains("UTC", StringComparison.OrdinalIgnoreCase);
        var zoneInfo = utc ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var prices = ImmutableArray.CreateBuilder<EurPerMwh>();
        DateTimeOffset? start = null;
        DateTimeOffset? next = null;
        TimeSpan resolution = default;
        var seen = new HashSet<DateTime>();
        var missingAt = 0;
        var line = 1;
        for (var text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = Split(text);
            if (fields.Length <= Math.Max(mtu, price))
            {
                throw new FormatException($"Line {line}: expected at least {Math.Max(mtu, price) + 1} fields.");
            }

            var value = fields[price];
            if (value.Length == 0 || value is "-" || value.Equals("n/e", StringComparison.OrdinalIgnoreCase) || value.Equals("N/A", StringComparison.OrdinalIgnoreCase))
            {
                missingAt = missingAt == 0 ? line : missingAt;
                continue;
            }

            if (missingAt != 0)
            {
                throw new FormatException($"Line {missingAt}: a price is missing in the middle of the curve.");
            }

            var (from, to) = Interval(fields[mtu], zoneInfo, seen, line);
            if (start is null)
            {
                start = from;
                resolution = to - from;
                if (resolution <= TimeSpan.Zero || resolution > TimeSpan.FromDays(1))
                {
                    throw new FormatException($"Line {line}: interval '{fields[mtu]}' is not a market time unit.");
                }
            }
            else if (from != next || to - from != resolution)
            {
                throw new FormatException($"Line {line}: interval '{fields[mtu]}' does not follow the previous one at {resolution.TotalMinutes} min.");
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var eur) || !double.IsFinite(eur))
            {
                throw new FormatException($"Line {line}: price '{value}' is not a number (EUR/MWh, decimal point).");
            }

            prices.Add(new EurPerMwh(eur));
            next = to;
        }

        return start is { } first
            ? new PriceCurve(zone, first, resolution, prices.ToImmutable())
            : throw new FormatException("The price CSV has no prices.");
    }

    private static (DateTimeOffset From, DateTimeOffset To) Interval(string mtu, TimeZoneInfo zone, HashSet<DateTime> seen, int line)
    {
        var parts = mtu.Split(" - ", StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new FormatException($"Line {line}: MTU '{mtu}' is not 'start - end'.");
        }

        var (from, fromWall) = Instant(parts[0], zone, seen, line);
        var (to, toWall) = Instant(parts[1], zone, null, line);
        // Around the clock changes the wall-clock span and the real span differ (02:00 - 03:00 in October is one hour
        // twice; 01:00 - 03:00 in March is one hour): the market time unit is the shorter of the two.
        var span = TimeSpan.FromTicks(Math.Min((to - from).Ticks, (toWall - fromWall).Ticks));
        return (from, from + span);
    }

    private static (DateTimeOffset Utc, DateTime Wall) Instant(string text, TimeZoneInfo zone, HashSet<DateTime>? seen, int line)
    {
        TimeSpan? fixedOffset = text.EndsWith("(CEST)", StringComparison.Ordinal) ? TimeSpan.FromHours(2)
            : text.EndsWith("(CET)", StringComparison.Ordinal) ? TimeSpan.FromHours(1) : null;
        var bare = fixedOffset is null ? text : text[..text.LastIndexOf('(')].TrimEnd();
        if (!DateTime.TryParseExact(bare, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new FormatException($"Line {line}: time '{text}' is not dd.MM.yyyy HH:mm.");
        }

        if (fixedOffset is { } offset)
        {
            return (new DateTimeOffset(local, offset).ToUniversalTime(), local);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // First occurrence: summer time (the larger offset); its repeat: standard time.
            var offsets = zone.GetAmbiguousTimeOffsets(local).Order().ToArray();
            var repeat = seen is not null && !seen.Add(local);
            return (new DateTimeOffset(local, repeat ? offsets[0] : offsets[^1]).ToUniversalTime(), local);
        }

        return (new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(), local);
    }

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return [.. fields];
    }
}
