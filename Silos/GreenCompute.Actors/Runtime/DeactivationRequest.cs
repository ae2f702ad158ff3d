namespace GreenCompute.Actors.Runtime;

/// <summary>The last turn of an activation: stop timers, run OnDeactivateAsync, save state.</summary>
internal sealed class DeactivationRequest(DeactivationReason reason, CancellationToken cancellationToken) : Request
{
    public override bool IsCompleted => false;

    public override Task Start(GrainActivation activation) => activation.DeactivateAsync(reason, cancellationToken);

    public override void Complete(GrainActivation activation, Task task) => activation.OnDeactivated();

    public override void Fail(Exception exception)
    {
        // Never queued, so never failed.
    }
}
