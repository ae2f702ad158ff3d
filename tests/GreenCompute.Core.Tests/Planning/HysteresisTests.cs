using GreenCompute.Core.Planning;
using GreenCompute.Core.Tests.Thermal;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Planning;

public class HysteresisTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly Celsius Setpoint = new(20.5);

    [Fact]
    public void Hysteresis_NoisyRoomForADay_SwitchesFarLessThanANaiveThermostat()
    {
        var naive = Run(new Hysteresis(Kelvin.Zero, TimeSpan.Zero, TimeSpan.Zero), seed: 9);
        var damped = Run(Hysteresis.Default, seed: 9);

        Assert.True(naive.Switches > 300, $"naive thermostat switched {naive.Switches} times");
        Assert.True(damped.Switches < 40, $"hysteresis switched {damped.Switches} times");
        Assert.True(damped.ShortestDwell >= TimeSpan.FromMinutes(10), $"shortest dwell {damped.ShortestDwell}");
        Assert.InRange(damped.Coldest, 19.7, 20.5);
        Assert.InRange(damped.Warmest, 20.5, 21.3);
    }

    [Fact]
    public void Decide_AboveUpperEdgeWithinMinimumOnTime_HoldsOnWithReason()
    {
        var state = new HysteresisState(On: true, Since: Start);

        var held = Hysteresis.Default.Decide(state, new Celsius(21.1), Setpoint, Start.AddMinutes(4));
        var released = Hysteresis.Default.Decide(state, new Celsius(21.1), Setpoint, Start.AddMinutes(10));

        Assert.True(held.On);
        Assert.Equal(ReasonCode.HysteresisHold, held.Reason.Code);
        Assert.Equal("held on to avoid flapping (minimum 10 min on)", held.Reason.Text);
        Assert.False(released.On);
        Assert.Equal("setpoint reached", released.Reason.Text);
        Assert.Equal(Start.AddMinutes(10), released.State.Since);
        Assert.True(released.Switched(state));
    }

    [Fact]
    public void Decide_InsideDeadband_KeepsCurrentState()
    {
        var off = HysteresisState.Off(Start);
        var on = new HysteresisState(true, Start);

        Assert.False(Hysteresis.Default.Decide(off, new Celsius(20.1), Setpoint, Start.AddHours(1)).On);
        Assert.True(Hysteresis.Default.Decide(on, new Celsius(20.9), Setpoint, Start.AddHours(1)).On);
        var turnOn = Hysteresis.Default.Decide(off, new Celsius(20.0), Setpoint, Start.AddHours(1));
        Assert.True(turnOn.On);
        Assert.Equal(ReasonCode.BelowBand, turnOn.Reason.Code);
    }

    private static (int Switches, TimeSpan ShortestDwell, double Coldest, double Warmest) Run(Hysteresis hysteresis, int seed)
    {
        var model = new RoomThermalModel(new WattsPerKelvin(35), new WattHoursPerKelvin(1200));
        var random = new Random(seed);
        var interval = TimeSpan.FromSeconds(30);
        var state = HysteresisState.Off(Start);
        var room = 20.0;
        int switches = 0;
        var shortest = TimeSpan.MaxValue;
        double coldest = double.MaxValue, warmest = double.MinValue;
        for (var now = Start; now < Start.AddDays(1); now += interval)
        {
            var measured = new Celsius(room + (0.15 * NoisyRoom.Gaussian(random)));
            var decision = hysteresis.Decide(state, measured, Setpoint, now);
            if (decision.Switched(state))
            {
                switches++;
                shortest = now - state.Since < shortest && switches > 1 ? now - state.Since : shortest;
            }

            state = decision.State;
            room = model.Step(new Celsius(room), new Celsius(2), new Watts(state.On ? 1000 : 0), interval).Value;
            if (now > Start.AddHours(1))
            {
                coldest = Math.Min(coldest, room);
                warmest = Math.Max(warmest, room);
            }
        }

        return (switches, shortest, coldest, warmest);
    }
}
