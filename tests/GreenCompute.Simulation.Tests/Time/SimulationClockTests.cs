using GreenCompute.Core.Time;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Fleet;
using GreenCompute.Simulation.Time;

namespace GreenCompute.Simulation.Tests.Time;

public sealed class SimulationClockTests
{
    private static readonly DateTimeOffset Start = new(2017, 11, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_OneHour_StepsSixtyTimesAndKeepsFleetAndClockTogether()
    {
        var clock = NewClock();
        var steps = 0;
        clock.Stepped += (_, e) =>
        {
            steps++;
            Assert.Equal(clock.Fleet.Now, e.Time);
        };

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(60, steps);
        Assert.Equal(Start.AddHours(1), clock.Now);
        Assert.Equal(Start.AddHours(1), clock.Fleet.Now);
    }

    [Fact]
    public void Advance_TimersOnSimulatedTime_FireWithTheFleetAtOrPastTheirTime()
    {
        var clock = NewClock();
        var fired = new List<(DateTimeOffset Clock, DateTimeOffset Fleet)>();
        using var timer = clock.Time.CreateTimer(
            _ => fired.Add((clock.Time.GetUtcNow(), clock.Fleet.Now)), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(180, fired.Count);
        Assert.All(fired, f => Assert.True(f.Fleet >= f.Clock));
    }

    [Fact]
    public void Advance_PartialStep_EndsExactly()
    {
        var clock = NewClock();

        clock.Advance(TimeSpan.FromSeconds(150));

        Assert.Equal(Start.AddSeconds(150), clock.Fleet.Now);
    }

    [Fact]
    public async Task RunUntilAsync_AsFastAsPossible_ReachesTheEnd()
    {
        var clock = NewClock();

        await clock.RunUntilAsync(Start.AddDays(1));

        Assert.Equal(Start.AddDays(1), clock.Fleet.Now);
    }

    [Fact]
    public async Task RunUntilAsync_SpeedSixty_WaitsOneWallSecondPerSimulatedMinute()
    {
        var wall = new SignallingTimeProvider(new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var clock = NewClock(new SimulationClockOptions { SpeedFactor = 60 }, wall);

        var run = clock.RunUntilAsync(Start.AddMinutes(3));
        await wall.WaitForTimerAsync();

        Assert.Equal(Start.AddMinutes(1), clock.Fleet.Now);
        wall.Inner.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(Start.AddMinutes(1), clock.Fleet.Now);
        wall.Inner.Advance(TimeSpan.FromSeconds(0.5));
        await wall.WaitForTimerAsync();
        Assert.Equal(Start.AddMinutes(2), clock.Fleet.Now);
        Assert.False(run.IsCompleted);
        wall.Inner.Advance(TimeSpan.FromSeconds(1));
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Start.AddMinutes(3), clock.Fleet.Now);
    }

    [Fact]
    public void Constructor_ClockNotAtFleetTime_Throws()
    {
        var fleet = NewFleet();

        Assert.Throws<ArgumentException>(() => new SimulationClock(fleet, time: new ManualTimeProvider(Start.AddHours(1))));
    }

    private static SimulationClock NewClock(SimulationClockOptions? options = null, TimeProvider? wall = null) =>
        new(NewFleet(), options, wallClock: wall);

    private static SimulatedFleet NewFleet()
    {
        var weather = DataFolder.Resolve(null, []).Load(Scenario.Default).Weather;
        return new SimulatedFleet(new FleetOptions { Buildings = 1, RoomsPerBuilding = 3 }, weather, Start);
    }
}
