using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Nodes;

namespace GreenCompute.Bench.Mqtt;

internal static class BenchNodes
{
    private static readonly HeaterSpec Heater = new(16, new Watts(80), new Watts(1000));

    public static NodeRegistration Registration(string nodeId) => new(
        nodeId, "site-1", nodeId, $"Room {nodeId}", Heater,
        ComfortScheduleDefinition.From(ComfortSchedule.Default(TimeSpan.FromHours(1))), RoomThermalModel.Default);
}
