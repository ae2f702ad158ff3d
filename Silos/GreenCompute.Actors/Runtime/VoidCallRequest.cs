namespace GreenCompute.Actors.Runtime;

/// <summary>A call to a method returning a plain <see cref="Task"/>.</summary>
internal sealed class VoidCallRequest(ActivationCatalog catalog, GrainMethod method, object?[]? arguments)
    : CallRequest(catalog, method, arguments)
{
    private readonly TaskCompletionSource _completion = new();

    public override Task CallerTask => _completion.Task;

    protected override bool TrySetResultFrom(Task completed) => _completion.TrySetResult();

    protected override bool TrySetException(Exception exception) =>
        exception is OperationCanceledException canceled
            ? _completion.TrySetCanceled(canceled.CancellationToken)
            : _completion.TrySetException(exception);
}
