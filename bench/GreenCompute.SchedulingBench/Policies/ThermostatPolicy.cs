using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// The plain digital heater (notes §5.3 baselines 2 and 4): a bang-bang thermostat on the room sensor, with the
/// silo's shadow setpoint (band minimum + 0.7 K) and <see cref="Hysteresis.Default"/> (on at or below setpoint −
/// 0.5 K, off at or above setpoint + 0.5 K, 10 min minimum on and off). While it heats, it runs at full power and
/// queued tasks take its free cores (the rest is heat-only load); when it stops, its tasks pause back to the queue
/// and it switches off. Queue order: FIFO (thermostat-only) or earliest deadline first (EDF + thermostat).
/// No price, no forecast.
/// </summary>
internal sealed class ThermostatPolicy(QueueOrder order) : IPolicy
{
    /// <summary>Above the band minimum, as ThermostatShadow: half the deadband plus 0.2 K.</summary>
    public static readonly Kelvin SetpointAboveMinimum = new(0.7);

    private HysteresisState[]? _state;

    public string Name => order == QueueOrder.Fifo ? "thermostat-only" : "EDF + thermostat";

    public QueueOrder Order => order;

    public void Step(StepContext context)
    {
        _state ??= [.. context.Nodes.Select(_ => HysteresisState.Off(context.Now - TimeSpan.FromDays(1)))];
        var band = context.Inputs.Comfort.BandAt(context.Now);
        var setpoint = band.Min + SetpointAboveMinimum;
        foreach (var node in context.Nodes)
        {
            var decision = Hysteresis.Default.Decide(_state[node.Index], node.Temperature, setpoint, context.Now);
            _state[node.Index] = decision.State;
            if (decision.On)
            {
                context.Control.SetPower(node.Index, node.Heater.MaxPower, heatWanted: true);
                Dispatch.Fill(context, node.Index, node.Heater.Cores);
            }
            else
            {
                context.Control.PauseAll(node.Index);
                context.Control.SetPower(node.Index, Watts.Zero, heatWanted: false);
            }
        }
    }

    /// <summary>Whether the thermostat of <paramref name="node"/> is heating (for tests).</summary>
    public bool IsHeating(int node) => _state is not null && _state[node].On;
}
