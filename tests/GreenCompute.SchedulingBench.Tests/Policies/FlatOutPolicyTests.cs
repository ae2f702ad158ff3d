using GreenCompute.SchedulingBench.Policies;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Tests.Policies;

public class FlatOutPolicyTests
{
    [Fact]
    public void Run_EveryHeaterDrawsItsMaximumAllTheTime()
    {
        var inputs = BenchFixture.Inputs(rooms: 2, TimeSpan.FromHours(6));

        var metrics = BenchRunner.Run(new FlatOutPolicy(), inputs).Metrics;

        Assert.Equal(2 * 6 * 1.0, metrics.EnergyKwh, 9);
        Assert.Equal(0, metrics.CoreHours);
    }
}
