namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>
/// A scheduler under test: every physics step, before the fleet advances, it reads the nodes' sensors and the task
/// book and gives commands through <see cref="StepContext.Control"/>. One instance per run.
/// </summary>
internal interface IPolicy
{
    string Name { get; }

    /// <summary>The order of the waiting queue this policy hands out tasks in.</summary>
    QueueOrder Order { get; }

    void Step(StepContext context);
}
