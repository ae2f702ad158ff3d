using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Thermal;

public class RoomModelEstimatorTests
{
    private static readonly RoomThermalModel Truth = new(new WattsPerKelvin(35), new WattHoursPerKelvin(1200));
    private static readonly RoomThermalModel WrongPrior = new(new WattsPerKelvin(80), new WattHoursPerKelvin(400));

    [Fact]
    public void Estimator_WeekOfNoisyTelemetry_RecoversUaAndCWithinTenPercent()
    {
        var estimator = new RoomModelEstimator(WrongPrior);

        estimator.AddRange(NoisyRoom.Simulate(Truth, new Watts(800), TimeSpan.FromDays(7), TimeSpan.FromSeconds(30), 0.1, seed: 7));

        var estimate = estimator.Estimate;
        Assert.False(estimate.IsPrior);
        AssertWithin(Truth.HeatLoss.Value, estimate.Model.HeatLoss.Value, 0.10);
        AssertWithin(Truth.Capacity.Value, estimate.Model.Capacity.Value, 0.10);
        Assert.True(estimate.Confidence > 0.3, $"confidence {estimate.Confidence}");
    }

    [Fact]
    public void Estimator_GapsAndSensorSpikes_StillRecoversWithinTenPercent()
    {
        var random = new Random(11);
        var samples = NoisyRoom.Simulate(Truth, new Watts(800), TimeSpan.FromDays(10), TimeSpan.FromSeconds(10), 0.15, seed: 3)
            .Where(s => s.Time.Hour is < 2 or >= 5) // three hours of telemetry lost every night
            .Select(s => random.NextDouble() < 0.002 ? s with { Room = new Celsius(s.Room.Value + 8) } : s)
            .ToList();
        var estimator = new RoomModelEstimator(WrongPrior);

        estimator.AddRange(samples);

        var estimate = estimator.Estimate;
        Assert.False(estimate.IsPrior);
        AssertWithin(Truth.HeatLoss.Value, estimate.Model.HeatLoss.Value, 0.10);
        AssertWithin(Truth.Capacity.Value, estimate.Model.Capacity.Value, 0.10);
    }

    [Fact]
    public void Estimator_FewSamples_FallsBackToPrior()
    {
        var estimator = new RoomModelEstimator(WrongPrior);

        estimator.AddRange(NoisyRoom.Simulate(Truth, new Watts(800), TimeSpan.FromHours(3), TimeSpan.FromSeconds(10), 0.1, seed: 1));

        var estimate = estimator.Estimate;
        Assert.True(estimate.IsPrior);
        Assert.Same(WrongPrior, estimate.Model);
        Assert.Equal(0, estimate.Confidence);
        Assert.True(estimate.Updates > 0);
    }

    [Fact]
    public void Estimator_LateDuplicateAndNonFiniteSamples_AreRejected()
    {
        var estimator = new RoomModelEstimator(WrongPrior);
        var t = NoisyRoom.Start;

        estimator.Add(new ThermalSample(t, new Celsius(20), new Celsius(5), new Watts(0)));
        estimator.Add(new ThermalSample(t, new Celsius(20), new Celsius(5), new Watts(0)));
        estimator.Add(new ThermalSample(t.AddSeconds(-10), new Celsius(20), new Celsius(5), new Watts(0)));
        estimator.Add(new ThermalSample(t.AddSeconds(10), new Celsius(double.NaN), new Celsius(5), new Watts(0)));
        estimator.Add(new ThermalSample(t.AddSeconds(20), new Celsius(20), new Celsius(5), new Watts(-1)));

        Assert.Equal(4, estimator.RejectedSamples);
    }

    [Fact]
    public void Estimator_SnapshotRestored_GivesSameEstimate()
    {
        var estimator = new RoomModelEstimator(WrongPrior);
        estimator.AddRange(NoisyRoom.Simulate(Truth, new Watts(800), TimeSpan.FromDays(3), TimeSpan.FromSeconds(30), 0.1, seed: 5));

        var restored = RoomModelEstimator.Restore(WrongPrior, estimator.Snapshot());

        Assert.Equal(estimator.Estimate, restored.Estimate);
    }

    private static void AssertWithin(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * expected, $"expected {expected} ± {relative:P0}, got {actual:0.###}");
}
