using GreenCompute.SchedulingBench.Metrics;
using GreenCompute.SchedulingBench.Setup;

namespace GreenCompute.SchedulingBench.Tests.Metrics;

public class MetricsRecorderTests
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(1);

    // Monday 2017-10-23 10:00 CET: occupied, band 20–23 °C. Saturday 03:00 CET: setback, 17–23 °C.
    private static readonly DateTimeOffset Occupied = new(2017, 10, 23, 10, 0, 0, Offset);
    private static readonly DateTimeOffset Night = new(2017, 10, 28, 3, 0, 0, Offset);

    [Fact]
    public void Record_ColdOccupiedHour_CountsKelvinHoursAndRms()
    {
        var recorder = new MetricsRecorder(ScenarioSetup.ComfortFor(Offset));
        recorder.Record(Occupied, TimeSpan.FromHours(1), BenchFixture.Heater, 19.5, 19, 0, 0, 50);
        var m = recorder.Metrics("x");

        Assert.Equal(1.0, m.TooCold, 12);
        Assert.Equal(0.0, m.TooHot, 12);
        Assert.Equal(1.0, m.ComfortViolation, 12);
        Assert.Equal(1.5, m.RmsDeviation, 12); // setpoint 20 + 0.5 = 20.5
    }

    [Fact]
    public void Record_HotHalfHours_AddAndNightHoursStayOutOfRms()
    {
        var recorder = new MetricsRecorder(ScenarioSetup.ComfortFor(Offset));
        recorder.Record(Occupied, TimeSpan.FromMinutes(30), BenchFixture.Heater, 23, 24, 0, 0, 50);
        recorder.Record(Occupied.AddMinutes(30), TimeSpan.FromMinutes(30), BenchFixture.Heater, 24, 25, 0, 0, 50);
        recorder.Record(Night, TimeSpan.FromHours(1), BenchFixture.Heater, 16, 16, 0, 0, 50);
        var m = recorder.Metrics("x");

        Assert.Equal(1.5, m.TooHot, 12);  // 1 K × 0.5 h + 2 K × 0.5 h
        Assert.Equal(1.0, m.TooCold, 12); // 17 − 16 for an hour at night
        Assert.Equal(Math.Sqrt(((3.5 * 3.5) + (4.5 * 4.5)) / 2), m.RmsDeviation, 12);
    }

    [Fact]
    public void Record_EnergyWorkAndPrice_GiveCostPerCoreHourUsefulAndUnpaidHeat()
    {
        var recorder = new MetricsRecorder(ScenarioSetup.ComfortFor(Offset));
        // 1 kWh with 8 busy cores for the hour: tasks draw 8 × 57.5 W + 80 W idle = 540 Wh; 460 Wh is heat-only load.
        recorder.Record(Occupied, TimeSpan.FromHours(1), BenchFixture.Heater, 21, 21.2, 1000, 8 * 3600, 100);
        // 0.5 kWh while the room was already above its maximum: not useful, no task: all unpaid.
        recorder.Record(Occupied.AddHours(1), TimeSpan.FromHours(1), BenchFixture.Heater, 23.5, 23, 500, 0, -20);
        var m = recorder.Metrics("x");

        Assert.Equal(1.5, m.EnergyKwh, 12);
        Assert.Equal(0.1 - 0.01, m.CostEur, 12);
        Assert.Equal(8, m.CoreHours, 12);
        Assert.Equal(0.09 / 8, m.CostPerCoreHour, 12);
        Assert.Equal(1.0, m.UsefulKwh, 12);
        Assert.Equal(2.0 / 3, m.UsefulFraction, 12);
        Assert.Equal(0.09, m.CostPerUsefulKwh, 12);
        Assert.Equal(0.46 + 0.5, m.UnpaidKwh, 12);
    }

    [Theory]
    [InlineData(19.0, 1.0)]
    [InlineData(20.0, 0.0)]
    [InlineData(22.0, 0.0)]
    [InlineData(23.0, 0.0)]
    [InlineData(23.25, 0.25)]
    public void Violation_IsDistanceOutsideTheBand(double temperature, double expected) =>
        Assert.Equal(expected, ComfortMath.Violation(temperature, new(new(20), new(23))), 12);
}
