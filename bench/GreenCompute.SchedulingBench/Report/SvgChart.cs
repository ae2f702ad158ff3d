using System.Globalization;
using System.Security;
using System.Text;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Report;

/// <summary>
/// One week of one room under each scheduler, as a hand-written SVG: air temperature with the comfort band (shaded),
/// heater power, and the day-ahead price, on a shared time axis. The week is the run's second week when it lasted
/// 14 days or more, else its first.
/// </summary>
internal static class SvgChart
{
    private const double Width = 1200;
    private const double Left = 70;
    private const double Right = 230;
    private const double PlotWidth = Width - Left - Right;

    private static readonly string[] Palette =
        ["#d62728", "#1f77b4", "#7f7f7f", "#2ca02c", "#9467bd", "#ff7f0e", "#000000", "#8c564b"];

    public static string Render(ConfigResult config, int room)
    {
        ArgumentNullException.ThrowIfNull(config);
        var traces = config.Runs.Select(r => (r.Metrics.Scheduler, Points: Week(r.Trace))).Where(t => t.Points.Count > 1).ToList();
        var svg = new StringBuilder();
        svg.AppendLine(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"760\" font-family=\"sans-serif\" font-size=\"12\">"));
        svg.AppendLine("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.AppendLine(F($"<text x=\"{Left}\" y=\"22\" font-size=\"15\">{Escape(config.ScenarioName)}, load {config.Load:P0}, s = {config.Slack:0.##}: room #{room}, one week</text>"));
        if (traces.Count == 0)
        {
            svg.AppendLine("<text x=\"70\" y=\"60\">no samples</text></svg>");
            return svg.ToString();
        }

        var first = traces[0].Points;
        var from = first[0].Time;
        var to = first[^1].Time;
        var temperatures = traces.SelectMany(t => t.Points).SelectMany(p => new[] { p.Temperature, p.BandMin, p.BandMax }).ToList();
        // A heat-blind scheduler can freeze a room: the axis stops 3 K beyond the band and the lines are clipped there.
        var bands = first.SelectMany(p => new[] { p.BandMin, p.BandMax }).ToList();
        var temperature = new Panel(
            40,
            330,
            Math.Max(Math.Floor(temperatures.Min()) - 0.5, bands.Min() - 3),
            Math.Min(Math.Ceiling(temperatures.Max()) + 0.5, bands.Max() + 3),
            "air °C");
        var power = new Panel(400, 200, 0, Math.Max(100, traces.SelectMany(t => t.Points).Max(p => p.PowerWatts)) * 1.05, "power W");
        var price = new Panel(630, 100, Math.Min(0, first.Min(p => p.Price)), first.Max(p => p.Price) * 1.05 + 1, "EUR/MWh");

        foreach (var panel in new[] { temperature, power, price })
        {
            Axes(svg, panel, from, to);
        }

        svg.AppendLine(F($"<clipPath id=\"air\"><rect x=\"{Left}\" y=\"{temperature.Top}\" width=\"{PlotWidth}\" height=\"{temperature.Height}\"/></clipPath>"));

        // The band, from the first trace (every run has the same schedule).
        var band = new StringBuilder();
        foreach (var p in first)
        {
            band.Append(F($"{X(p.Time, from, to):0.#},{temperature.Y(p.BandMax):0.#} "));
        }

        foreach (var p in Enumerable.Reverse(first))
        {
            band.Append(F($"{X(p.Time, from, to):0.#},{temperature.Y(p.BandMin):0.#} "));
        }

        svg.AppendLine($"<polygon points=\"{band}\" fill=\"#2ca02c\" fill-opacity=\"0.12\" stroke=\"none\"/>");
        for (var i = 0; i < traces.Count; i++)
        {
            var color = Palette[i % Palette.Length];
            Line(svg, traces[i].Points.Select(p => (p.Time, temperature.Y(p.Temperature))), from, to, color, "air");
            Line(svg, traces[i].Points.Select(p => (p.Time, power.Y(p.PowerWatts))), from, to, color, null);
            svg.AppendLine(F($"<line x1=\"{Width - Right + 15}\" x2=\"{Width - Right + 35}\" y1=\"{50 + (i * 18)}\" y2=\"{50 + (i * 18)}\" stroke=\"{color}\" stroke-width=\"2\"/>"));
            svg.AppendLine(F($"<text x=\"{Width - Right + 40}\" y=\"{54 + (i * 18)}\">{Escape(traces[i].Scheduler)}</text>"));
        }

        Line(svg, first.Select(p => (p.Time, price.Y(p.Price))), from, to, "#444444", null);
        svg.AppendLine(F($"<text x=\"{Width - Right + 15}\" y=\"{60 + (traces.Count * 18)}\" fill=\"#2ca02c\">shaded: comfort band</text>"));
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static List<TracePoint> Week(IReadOnlyList<TracePoint> trace)
    {
        if (trace.Count == 0)
        {
            return [];
        }

        var start = trace[0].Time;
        var offset = trace[^1].Time - start >= TimeSpan.FromDays(13.9) ? TimeSpan.FromDays(7) : TimeSpan.Zero;
        return [.. trace.Where(p => p.Time >= start + offset && p.Time <= start + offset + TimeSpan.FromDays(7))];
    }

    private static void Axes(StringBuilder svg, Panel panel, DateTimeOffset from, DateTimeOffset to)
    {
        svg.AppendLine(F($"<rect x=\"{Left}\" y=\"{panel.Top}\" width=\"{PlotWidth}\" height=\"{panel.Height}\" fill=\"none\" stroke=\"#999\"/>"));
        svg.AppendLine(F($"<text x=\"8\" y=\"{panel.Top + 12}\">{panel.Label}</text>"));
        for (var i = 0; i <= 4; i++)
        {
            var value = panel.Min + ((panel.Max - panel.Min) * i / 4);
            var y = panel.Y(value);
            svg.AppendLine(F($"<line x1=\"{Left}\" x2=\"{Left + PlotWidth}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#eee\"/>"));
            svg.AppendLine(F($"<text x=\"{Left - 5}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{value:0.#}</text>"));
        }

        for (var day = from.Date.AddDays(1); day < to; day = day.AddDays(1))
        {
            var x = X(new DateTimeOffset(day, TimeSpan.Zero), from, to);
            svg.AppendLine(F($"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{panel.Top}\" y2=\"{panel.Top + panel.Height}\" stroke=\"#ddd\"/>"));
            svg.AppendLine(F($"<text x=\"{x + 2:0.#}\" y=\"{panel.Top + panel.Height + 13}\">{day:ddd dd MMM}</text>"));
        }
    }

    private static void Line(StringBuilder svg, IEnumerable<(DateTimeOffset Time, double Y)> points, DateTimeOffset from, DateTimeOffset to, string color, string? clip)
    {
        var path = new StringBuilder();
        foreach (var (time, y) in points)
        {
            path.Append(F($"{X(time, from, to):0.#},{y:0.#} "));
        }

        var clipping = clip is null ? "" : $" clip-path=\"url(#{clip})\"";
        svg.AppendLine($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1\" stroke-opacity=\"0.85\"{clipping}/>");
    }

    private static double X(DateTimeOffset time, DateTimeOffset from, DateTimeOffset to) =>
        Left + (PlotWidth * (time - from).TotalSeconds / Math.Max(1, (to - from).TotalSeconds));

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Panel(double Top, double Height, double Min, double Max, string Label)
    {
        public double Y(double value) => Top + Height - (Height * (value - Min) / Math.Max(1e-9, Max - Min));
    }
}
