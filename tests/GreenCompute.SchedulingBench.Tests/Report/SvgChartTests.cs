using System.Xml.Linq;
using GreenCompute.SchedulingBench.Report;

namespace GreenCompute.SchedulingBench.Tests.Report;

public class SvgChartTests
{
    [Fact]
    public void Render_IsWellFormedSvg_WithTemperatureAndPowerPerSchedulerAndOnePriceLine()
    {
        var config = GoalReportTests.Config("DE", 1, 0.6, 3,
            new() { Scheduler = GoalReport.Ours },
            new() { Scheduler = "thermostat & co <x>" });

        var svg = XDocument.Parse(SvgChart.Render(config, room: 0));

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal((2 * 2) + 1, svg.Descendants(ns + "polyline").Count());
        Assert.Single(svg.Descendants(ns + "polygon"));
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "thermostat & co <x>");
        // One week of the 15-day trace: the second week, 7 × 96 + 1 samples.
        Assert.Equal((7 * 96) + 1, svg.Descendants(ns + "polyline").First().Attribute("points")!.Value.Trim().Split(' ').Length);
    }

    [Fact]
    public void TraceCsv_HasOneRowPerSampleAndTwoColumnsPerScheduler()
    {
        var config = GoalReportTests.Config("DE", 1, 0.6, 3, new() { Scheduler = "a" }, new() { Scheduler = "b" });

        var lines = TraceCsv.Render(config).TrimEnd().Split('\n');

        Assert.Equal("time_utc,band_min_c,band_max_c,price_eur_mwh,a air_c,a power_w,b air_c,b power_w", lines[0].TrimEnd());
        Assert.Equal(1 + (4 * 24 * 15), lines.Length);
    }
}
