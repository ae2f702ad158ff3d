using GreenCompute.SchedulingBench.Setup;

namespace GreenCompute.SchedulingBench.Tests.Setup;

public class HeatCapacityTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(80, 0)]     // idle power carries no core
    [InlineData(540, 8)]    // 80 W + 8 × 57.5 W
    [InlineData(1000, 16)]
    [InlineData(1500, 16)]  // beyond the heater's range
    public void Cores_FollowTheLinearPowerModel(double watts, double cores) =>
        Assert.Equal(cores, HeatCapacity.Cores(BenchFixture.Heater, watts), 9);
}
