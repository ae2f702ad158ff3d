using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>
/// FIFO ignoring heat (notes §5.3 baseline 1): a plain compute cluster. Jobs in submit order take any free core, on
/// the node with the most free cores; nodes stay on (idle power when empty) and never burn heat-only load. The only
/// heat rule is the heater's safety cut-off: above the band maximum + 1 K it pauses its tasks (requeued, work kept)
/// and switches off until the room is back at or below the band maximum.
/// </summary>
internal sealed class FifoPolicy : IPolicy
{
    private readonly OverheatCutOff _cutOff = new();

    public string Name => "FIFO (ignores heat)";

    public QueueOrder Order => QueueOrder.Fifo;

    public void Step(StepContext context)
    {
        _cutOff.Apply(context, heatWanted: _ => false);
        Dispatch.Place(context, free => MostFree(free, _cutOff));
    }

    private static int MostFree(int[] free, OverheatCutOff cutOff)
    {
        var best = -1;
        for (var i = 0; i < free.Length; i++)
        {
            if (free[i] > 0 && !cutOff.IsCut(i) && (best < 0 || free[i] > free[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
