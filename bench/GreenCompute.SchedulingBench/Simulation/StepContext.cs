namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>One step as a policy sees it: the time, whether a 15-minute round starts, the nodes and the controls.</summary>
internal sealed class StepContext(RunInputs inputs, IReadOnlyList<NodeView> nodes, FleetControl control)
{
    public RunInputs Inputs { get; } = inputs;

    public IReadOnlyList<NodeView> Nodes { get; } = nodes;

    public FleetControl Control { get; } = control;

    public TaskBook Book => Control.Book;

    public DateTimeOffset Now { get; set; }

    public TimeSpan Dt => Inputs.Step;

    /// <summary>A planning round starts at this step (every 15 minutes from the window start).</summary>
    public bool IsRound { get; set; }
}
