using GreenCompute.Simulation.Thermal;

namespace GreenCompute.Simulation.Tests.Thermal;

public sealed class RoomSpreadTests
{
    [Fact]
    public void Sample_ThirtyPercent_StaysWithinBoundsAndSpreads()
    {
        var baseline = RoomGeometry.DefaultOffice;
        var baseParameters = RoomParameters.FromGeometry(baseline);
        var random = new Random(3);

        var rooms = Enumerable.Range(0, 500).Select(_ => RoomSpread.Sample(baseline, 0.3, random)).ToList();
        var parameters = rooms.Select(RoomParameters.FromGeometry).ToList();

        Assert.All(rooms, r =>
        {
            Assert.InRange(r.CapacityPerFloorArea / baseline.CapacityPerFloorArea, 0.7, 1.3);
            Assert.InRange(r.WallU / baseline.WallU, 0.7, 1.3);
            Assert.InRange(r.WindowU / baseline.WindowU, 0.7, 1.3);
            Assert.InRange(r.VentilationAch / baseline.VentilationAch, 0.7, 1.3);
            Assert.InRange(r.InfiltrationAch / baseline.InfiltrationAch, 0.7, 1.3);
        });
        Assert.All(parameters, p =>
        {
            Assert.InRange(p.HeatCapacity.Value / baseParameters.HeatCapacity.Value, 0.7, 1.3);
            Assert.InRange(p.HeatLossCoefficient.Value / baseParameters.HeatLossCoefficient.Value, 0.7, 1.3);
        });
        var capacities = parameters.Select(p => p.HeatCapacity.Value).ToList();
        Assert.True(capacities.Max() / capacities.Min() > 1.7, "A ±30 % spread over 500 rooms should reach near both ends.");
    }

    [Fact]
    public void Sample_SameSeed_SameRoomsAndOtherSeedOtherRooms()
    {
        Assert.Equal(Draw(11), Draw(11));
        Assert.NotEqual(Draw(11), Draw(12));
    }

    [Fact]
    public void Sample_ZeroSpread_IsTheBaseline()
    {
        Assert.Equal(RoomGeometry.DefaultOffice, RoomSpread.Sample(RoomGeometry.DefaultOffice, 0, new Random(1)));
    }

    private static List<RoomGeometry> Draw(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 10).Select(_ => RoomSpread.Sample(RoomGeometry.DefaultOffice, 0.3, random))];
    }
}
