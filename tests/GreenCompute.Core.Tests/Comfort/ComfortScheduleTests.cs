using GreenCompute.Core.Comfort;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Comfort;

public class ComfortScheduleTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    // 2026-01-05 is a Monday; 2026-01-10 a Saturday.
    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, Cet);

    [Fact]
    public void ComfortBand_Inverted_ThrowsNamingTheFix()
    {
        var error = Assert.Throws<ArgumentException>(() => new ComfortBand(new Celsius(22), new Celsius(20)));

        Assert.Contains("22.0 °C–20.0 °C", error.Message);
        Assert.Contains("Min must be below Max", error.Message);
        Assert.Throws<ArgumentException>(() => new ComfortBand(new Celsius(21), new Celsius(21)));
    }

    [Theory]
    [InlineData(5, 12, 0, 20)]  // Monday noon: occupied
    [InlineData(5, 7, 0, 20)]   // Monday 07:00: occupied from the first minute
    [InlineData(5, 6, 59, 17)]  // Monday 06:59: night setback
    [InlineData(5, 22, 0, 17)]  // Monday 22:00: setback again (Until is exclusive)
    [InlineData(10, 7, 30, 17)] // Saturday 07:30: weekend starts later
    [InlineData(10, 8, 0, 20)]  // Saturday 08:00: occupied
    [InlineData(11, 22, 30, 20)] // Sunday 22:30: weekend evening runs to 23:00
    public void Default_WeekdayWeekendAndNight_GiveExpectedMinimum(int day, int hour, int minute, double expectedMin)
    {
        var schedule = ComfortSchedule.Default(Cet);

        var band = schedule.BandAt(Local(day, hour, minute));

        Assert.Equal(expectedMin, band.Min.Value);
        Assert.Equal(22, band.Max.Value);
    }

    [Fact]
    public void BandAt_UtcInstant_UsesTheSchedulesLocalOffset()
    {
        var schedule = ComfortSchedule.Default(Cet);

        // 06:30 UTC on Monday is 07:30 in CET: occupied, although 06:30 alone would be the setback.
        Assert.Equal(20, schedule.BandAt(new DateTimeOffset(2026, 1, 5, 6, 30, 0, TimeSpan.Zero)).Min.Value);
    }

    [Fact]
    public void BandsFor_Horizon_TakesEachSlotStart()
    {
        var schedule = ComfortSchedule.Default(Cet);

        var bands = schedule.BandsFor(PlanningHorizon.Default(Local(5, 0)));

        Assert.Equal(96, bands.Length);
        Assert.Equal(17, bands[27].Min.Value); // 06:45
        Assert.Equal(20, bands[28].Min.Value); // 07:00
        Assert.Equal(20, bands[87].Min.Value); // 21:45
        Assert.Equal(17, bands[88].Min.Value); // 22:00
    }

    [Fact]
    public void Builder_RuleUntilMidnight_CoversTheLateEvening()
    {
        var schedule = new ComfortScheduleBuilder(Cet)
            .Setback(16, 23)
            .Occupied(ComfortDays.Friday, new TimeOnly(18, 0), new TimeOnly(0, 0), 21, 23)
            .Build();

        Assert.Equal(21, schedule.BandAt(Local(9, 23, 59)).Min.Value);
        Assert.Equal(16, schedule.BandAt(Local(10, 0, 0)).Min.Value);
        Assert.Equal(16, schedule.BandAt(Local(9, 17, 59)).Min.Value);
    }

    [Fact]
    public void Validate_InvertedBandAndOverlap_ReportsBothInOneMessage()
    {
        var schedule = new ComfortSchedule(
            ComfortSchedule.DefaultSetback,
            [
                new ComfortRule(ComfortDays.Weekdays, new TimeOnly(7, 0), new TimeOnly(22, 0), new Celsius(23), new Celsius(21)),
                new ComfortRule(ComfortDays.Monday, new TimeOnly(21, 0), new TimeOnly(23, 0), new Celsius(19), new Celsius(22)),
            ],
            Cet);

        var problem = schedule.Validate();

        Assert.False(schedule.IsValid);
        Assert.NotNull(problem);
        Assert.StartsWith("Comfort schedule is invalid:", problem);
        Assert.Contains("rule 1", problem);
        Assert.Contains("inverted band", problem);
        Assert.Contains("overlap on Monday 21:00–22:00", problem);
        var error = Assert.Throws<InvalidOperationException>(() => schedule.BandAt(Local(5, 12)));
        Assert.Equal(problem, error.Message);
    }

    [Fact]
    public void Build_RuleWrappingPastMidnight_ThrowsWithSplitAdvice()
    {
        var builder = new ComfortScheduleBuilder(Cet)
            .Occupied(ComfortDays.EveryDay, new TimeOnly(22, 0), new TimeOnly(6, 0), 18, 21);

        var error = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Contains("split a period past midnight", error.Message);
    }

    [Fact]
    public void Validate_DefaultSchedule_IsValid()
    {
        Assert.Null(ComfortSchedule.Default(Cet).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComfortSchedule(ComfortSchedule.DefaultSetback, [], TimeSpan.FromHours(15)));
    }
}
