using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Tests.Policies;

/// <summary>Runs a policy and checks an invariant after each of its steps (the commands are then in force).</summary>
internal sealed class CheckingPolicy(IPolicy inner, Action<StepContext> check) : IPolicy
{
    public int Checks { get; private set; }

    public string Name => inner.Name;

    public QueueOrder Order => inner.Order;

    public void Step(StepContext context)
    {
        inner.Step(context);
        check(context);
        Checks++;
    }
}
