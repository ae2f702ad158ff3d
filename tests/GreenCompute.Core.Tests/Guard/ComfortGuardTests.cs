using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Guard;

public class ComfortGuardTests
{
    private static readonly ComfortBand Band = new(new Celsius(20), new Celsius(23));
    private static readonly HeaterSpec Heater = new(16, new Watts(80), new Watts(1000));

    [Fact]
    public void Decide_InBand_PassesThePlanThrough()
    {
        var d = ComfortGuard.Default.Decide(GuardMode.FollowPlan, new Celsius(21), Band, new Watts(400), true, Heater);

        Assert.Equal(GuardMode.FollowPlan, d.Mode);
        Assert.Equal(400, d.PowerCap.Value);
        Assert.True(d.HeatWanted);
        Assert.Null(d.Override);
    }

    [Fact]
    public void Decide_BelowBand_HeatsAtFullPowerUntilAboveMinPlusDeadband()
    {
        var guard = new ComfortGuard(new Kelvin(0.3));

        var cold = guard.Decide(GuardMode.FollowPlan, new Celsius(19.9), Band, Watts.Zero, false, Heater);
        var stillBoosting = guard.Decide(cold.Mode, new Celsius(20.2), Band, Watts.Zero, false, Heater);
        var released = guard.Decide(stillBoosting.Mode, new Celsius(20.31), Band, Watts.Zero, false, Heater);

        Assert.Equal((GuardMode.Boost, 1000.0, true), (cold.Mode, cold.PowerCap.Value, cold.HeatWanted));
        Assert.Equal(GuardMode.Boost, stillBoosting.Mode);
        Assert.Equal((GuardMode.FollowPlan, 0.0, false), (released.Mode, released.PowerCap.Value, released.HeatWanted));
        Assert.Contains("below band", cold.Override!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AboveBand_DropsHeatOnlyLoadButKeepsTheCapForTasks()
    {
        var d = ComfortGuard.Default.Decide(GuardMode.FollowPlan, new Celsius(23.4), Band, new Watts(1000), true, Heater);

        Assert.Equal(GuardMode.Trim, d.Mode);
        Assert.Equal(1000, d.PowerCap.Value);
        Assert.False(d.HeatWanted);
    }

    [Fact]
    public void Decide_NoisyReadingAtTheEdge_DoesNotFlap()
    {
        var random = new Random(7);
        var mode = GuardMode.FollowPlan;
        var switches = 0;
        for (var i = 0; i < 1000; i++)
        {
            // ±0.1 K of noise around the band minimum: the 0.3 K deadband must absorb it after the first boost.
            var reading = new Celsius(20.05 + ((random.NextDouble() - 0.5) * 0.2));
            var next = ComfortGuard.Default.Decide(mode, reading, Band, Watts.Zero, false, Heater).Mode;
            switches += next != mode ? 1 : 0;
            mode = next;
        }

        Assert.True(switches <= 1, $"guard switched {switches} times on noise");
    }
}
