using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// What the silo's node grain learns from telemetry, per node: the sensor offset (the air reads k·P above the heat
/// store, <see cref="SensorOffsetEstimator"/>) from consecutive readings, and the room's 1R1C model
/// (<see cref="RoomModelEstimator"/>, prior <see cref="RoomThermalModel.Default"/>) fitted on the store temperature.
/// Fed every step with the reading and the power behind it; the outdoor temperature is the weather forecast's.
/// </summary>
internal sealed class RoomLearning
{
    private SensorOffsetEstimator[] _offset = [];
    private RoomModelEstimator[] _model = [];
    private ThermalSample?[] _last = [];

    public void Observe(StepContext context)
    {
        if (_offset.Length != context.Nodes.Count)
        {
            _offset = [.. context.Nodes.Select(_ => new SensorOffsetEstimator())];
            _model = [.. context.Nodes.Select(_ => new RoomModelEstimator(RoomThermalModel.Default))];
            _last = new ThermalSample?[context.Nodes.Count];
        }

        var outdoor = context.Inputs.Weather.OutdoorAt(context.Now);
        foreach (var node in context.Nodes)
        {
            var sample = new ThermalSample(context.Now, node.Temperature, outdoor, node.Power);
            if (_last[node.Index] is { } last)
            {
                _offset[node.Index].Add(last, sample);
            }

            _last[node.Index] = sample;
            var store = _offset[node.Index].StoreTemperature(node.Temperature, node.Power);
            _model[node.Index].Add(sample with { Room = store });
        }
    }

    public RoomThermalModel Model(int node) => _model[node].Estimate.Model;

    public double KelvinPerWatt(int node) => _offset[node].KelvinPerWatt;

    /// <summary>The heat store's temperature behind the last reading.</summary>
    public Celsius Store(NodeView node) => _offset[node.Index].StoreTemperature(node.Temperature, node.Power);
}
