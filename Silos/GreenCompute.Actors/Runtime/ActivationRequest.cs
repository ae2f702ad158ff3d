namespace GreenCompute.Actors.Runtime;

/// <summary>The first turn of an activation: create the grain, read its state, run OnActivateAsync.</summary>
internal sealed class ActivationRequest : Request
{
    public static ActivationRequest Instance { get; } = new();

    public override bool IsCompleted => false;

    public override Task Start(GrainActivation activation) => activation.ActivateAsync();

    public override void Complete(GrainActivation activation, Task task) => activation.OnActivated(task);

    public override void Fail(Exception exception)
    {
        // Never queued, so never failed.
    }
}
