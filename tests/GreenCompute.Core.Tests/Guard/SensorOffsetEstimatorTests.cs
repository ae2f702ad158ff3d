using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Guard;

public class SensorOffsetEstimatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ThermalSample Sample(int seconds, double room, double watts) =>
        new(T0.AddSeconds(seconds), new Celsius(room), new Celsius(0), new Watts(watts));

    [Fact]
    public void Add_PowerSteps_LearnsTheJumpPerWatt()
    {
        var estimator = new SensorOffsetEstimator();
        var random = new Random(3);
        var store = 20.0;
        const double truth = 0.003; // 3 K per kW
        var power = 0.0;
        var previous = Sample(0, store, power);
        for (var i = 1; i <= 200; i++)
        {
            power = i % 10 == 0 ? (power > 0 ? 0 : 1000) : power;
            store += 0.001;
            var current = Sample(i * 60, store + (truth * power) + ((random.NextDouble() - 0.5) * 0.05), power);
            estimator.Add(previous, current);
            previous = current;
        }

        Assert.InRange(estimator.KelvinPerWatt, truth * 0.9, truth * 1.1);
        Assert.Equal(20.0, estimator.StoreTemperature(new Celsius(23), new Watts(1000)).Value, 0.3);
    }

    [Fact]
    public void Add_SmallStepsOrLongGaps_AreIgnored()
    {
        var estimator = new SensorOffsetEstimator();

        Assert.False(estimator.Add(Sample(0, 20, 500), Sample(60, 20.1, 600)));
        Assert.False(estimator.Add(Sample(0, 20, 0), Sample(600, 23, 1000)));
        Assert.False(estimator.Add(Sample(0, 20, 0), Sample(60, 19, 1000)));
        Assert.Equal(0, estimator.KelvinPerWatt);
    }

    [Fact]
    public void Snapshot_RestoresTheSameEstimate()
    {
        var estimator = new SensorOffsetEstimator();
        estimator.Add(Sample(0, 20, 0), Sample(60, 22.5, 1000));

        var restored = new SensorOffsetEstimator(estimator.Snapshot());

        Assert.Equal(estimator.KelvinPerWatt, restored.KelvinPerWatt);
        Assert.Equal(1, restored.Steps);
    }
}
