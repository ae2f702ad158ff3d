using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Oracle;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Tests.Oracle;

public class RoomReplicaTests
{
    [Fact]
    public void Step_FollowsTheSimulatedRoomsExactly()
    {
        var inputs = BenchFixture.Inputs(rooms: 3, TimeSpan.FromDays(2));
        var fleet = new SimulatedFleet(inputs.Fleet, inputs.Weather, inputs.Start);
        var replicas = fleet.Nodes.Select(n => new RoomReplica(n, inputs.Weather, inputs.LocalOffset, inputs.Fleet.SolarGains, 20)).ToArray();
        var energy = new double[replicas.Length];
        var random = new Random(1);
        var worst = 0.0;
        for (var now = inputs.Start; now < inputs.End; now += inputs.Step)
        {
            if (now.Minute % 7 == 0)
            {
                foreach (var node in fleet.Nodes)
                {
                    fleet.SetPowerCap(node.NodeId, new Watts(random.Next(0, 1001)), heatWanted: random.Next(2) == 0);
                }
            }

            fleet.Step(inputs.Step);
            foreach (var t in fleet.ReadTelemetry())
            {
                var i = fleet.Nodes.ToList().FindIndex(n => n.NodeId == t.NodeId);
                replicas[i].Step(now, inputs.Step, (t.EnergyCounter.Value - energy[i]) / inputs.Step.TotalHours);
                energy[i] = t.EnergyCounter.Value;
                worst = Math.Max(worst, Math.Abs(replicas[i].Air - t.RoomTemperature.Value));
            }
        }

        Assert.True(worst < 1e-9, $"largest difference {worst} K");
    }

    [Fact]
    public void HourMap_IsTheCompositionOfItsSteps()
    {
        var inputs = BenchFixture.Inputs(rooms: 1, TimeSpan.FromDays(1));
        var node = new SimulatedFleet(inputs.Fleet, inputs.Weather, inputs.Start).Nodes[0];
        var start = inputs.Start.AddHours(9);
        var map = HourMap.Compose(new RoomReplica(node, inputs.Weather, inputs.LocalOffset, true, 20), start, inputs.Step, 60);

        var replica = new RoomReplica(node, inputs.Weather, inputs.LocalOffset, true, 19.3);
        double first = 0;
        for (var k = 0; k < 60; k++)
        {
            replica.Step(start + (inputs.Step * k), inputs.Step, 640);
            first = k == 0 ? replica.Air : first;
        }

        Assert.Equal((map.MassEnd.Start * 19.3) + (map.MassEnd.Power * 640) + map.MassEnd.Free, replica.Mass, 9);
        Assert.Equal((map.FirstAir.Start * 19.3) + (map.FirstAir.Power * 640) + map.FirstAir.Free, first, 9);
        Assert.Equal((map.LastAir.Start * 19.3) + (map.LastAir.Power * 640) + map.LastAir.Free, replica.Air, 9);
    }
}
