using GreenCompute.Influx.TimeSeries;
using GreenCompute.Silo.History;

namespace GreenCompute.Web.Live;

/// <summary>
/// A room chart as uPlot wants it: one x axis (Unix seconds) and aligned series; the hourly price is carried
/// forward onto the telemetry's times; a missing value is null (a gap in the line).
/// </summary>
internal sealed record ChartSeries(long[] Time, double?[] Temperature, double?[] BandMin, double?[] BandMax, double?[] Power, double?[] Price)
{
    public static ChartSeries From(RoomChart chart)
    {
        var times = chart.TemperatureCelsius.Select(p => p.Time)
            .Concat(chart.PowerWatts.Select(p => p.Time))
            .Distinct().Order().ToArray();
        var price = chart.PriceEurPerMwh.OrderBy(p => p.Time).ToArray();
        double? PriceAt(DateTimeOffset t)
        {
            double? value = null;
            foreach (var p in price)
            {
                if (p.Time > t)
                {
                    break;
                }

                value = p.Value;
            }

            return value;
        }

        return new ChartSeries(
            [.. times.Select(t => t.ToUnixTimeSeconds())],
            Align(times, chart.TemperatureCelsius),
            Align(times, chart.BandMinCelsius),
            Align(times, chart.BandMaxCelsius),
            Align(times, chart.PowerWatts),
            [.. times.Select(PriceAt)]);
    }

    /// <summary>Only the price line (the operator's price curve), hourly.</summary>
    public static ChartSeries PricesOnly(RoomChart chart)
    {
        var points = chart.PriceEurPerMwh.OrderBy(p => p.Time).ToArray();
        var none = new double?[points.Length];
        return new ChartSeries([.. points.Select(p => p.Time.ToUnixTimeSeconds())], none, none, none, none, [.. points.Select(p => (double?)p.Value)]);
    }

    private static double?[] Align(DateTimeOffset[] times, IReadOnlyList<TimeSeriesPoint> points)
    {
        var byTime = points.GroupBy(p => p.Time).ToDictionary(g => g.Key, g => g.First().Value);
        return [.. times.Select(t => byTime.TryGetValue(t, out var v) && double.IsFinite(v) ? v : (double?)null)];
    }
}
