using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Thermal;

public class RoomThermalModelTests
{
    private static readonly RoomThermalModel Room = new(new WattsPerKelvin(50), new WattHoursPerKelvin(1000));

    [Fact]
    public void Step_OverOneTimeConstant_MatchesClosedForm()
    {
        // τ = 1000/50 = 20 h; T_eq = 0 + 500/50 = 10 °C; after τ the excess of 10 K is down to 10/e.
        var after = Room.Step(new Celsius(20), new Celsius(0), new Watts(500), TimeSpan.FromHours(20));

        Assert.Equal(10 + (10 / Math.E), after.Value, 9);
        Assert.Equal(20.0, Room.TimeConstantHours, 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(24)]
    [InlineData(360)]
    [InlineData(21_600)]
    public void Step_SplitIntoEqualSteps_GivesSameTemperature(int steps)
    {
        var total = TimeSpan.FromHours(6);
        var room = new Celsius(18);
        for (var i = 0; i < steps; i++)
        {
            room = Room.Step(room, new Celsius(-3), new Watts(800), total / steps);
        }

        var equilibrium = -3 + (800.0 / 50);
        var expected = equilibrium + ((18 - equilibrium) * Math.Exp(-6.0 / 20));
        Assert.Equal(expected, room.Value, 9);
    }

    [Fact]
    public void SteadyStatePower_HeldForADay_KeepsTemperature()
    {
        var power = Room.SteadyStatePower(new Celsius(21), new Celsius(-5));

        Assert.Equal(50 * 26, power.Value, 9);
        Assert.Equal(21, Room.Step(new Celsius(21), new Celsius(-5), power, TimeSpan.FromDays(1)).Value, 9);
        Assert.Equal(0, Room.SteadyStatePower(new Celsius(21), new Celsius(25)).Value);
    }

    [Fact]
    public void PowerToReach_AppliedForTheStep_EndsAtTarget()
    {
        var step = TimeSpan.FromMinutes(15);
        var power = Room.PowerToReach(new Celsius(19), new Celsius(19.5), new Celsius(2), step);

        Assert.True(power.Value > Room.SteadyStatePower(new Celsius(19.5), new Celsius(2)).Value);
        Assert.Equal(19.5, Room.Step(new Celsius(19), new Celsius(2), power, step).Value, 9);
    }

    [Fact]
    public void Constructor_NonPositiveParameters_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoomThermalModel(new WattsPerKelvin(0), new WattHoursPerKelvin(1000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoomThermalModel(new WattsPerKelvin(40), new WattHoursPerKelvin(double.NaN)));
    }
}
