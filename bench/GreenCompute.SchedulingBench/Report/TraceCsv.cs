using System.Globalization;
using System.Text;

namespace GreenCompute.SchedulingBench.Report;

/// <summary>The chart room's 15-minute trace under every scheduler as CSV (time, band, price, then air °C and W per scheduler).</summary>
internal static class TraceCsv
{
    public static string Render(ConfigResult config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var text = new StringBuilder("time_utc,band_min_c,band_max_c,price_eur_mwh");
        foreach (var run in config.Runs)
        {
            var name = run.Metrics.Scheduler.Replace(',', ' ');
            text.Append(CultureInfo.InvariantCulture, $",{name} air_c,{name} power_w");
        }

        text.AppendLine();
        var samples = config.Runs.Count == 0 ? 0 : config.Runs.Min(r => r.Trace.Count);
        for (var i = 0; i < samples; i++)
        {
            var p = config.Runs[0].Trace[i];
            text.Append(CultureInfo.InvariantCulture, $"{p.Time:yyyy-MM-ddTHH:mm}Z,{p.BandMin:0.0},{p.BandMax:0.0},{p.Price:0.00}");
            foreach (var run in config.Runs)
            {
                text.Append(CultureInfo.InvariantCulture, $",{run.Trace[i].Temperature:0.00},{run.Trace[i].PowerWatts:0}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
