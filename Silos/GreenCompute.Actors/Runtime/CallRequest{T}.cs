namespace GreenCompute.Actors.Runtime;

/// <summary>A call to a method returning <see cref="Task{TResult}"/>.</summary>
internal sealed class CallRequest<T>(ActivationCatalog catalog, GrainMethod method, object?[]? arguments)
    : CallRequest(catalog, method, arguments)
{
    private readonly TaskCompletionSource<T> _completion = new();

    public override Task CallerTask => _completion.Task;

    protected override bool TrySetResultFrom(Task completed) => _completion.TrySetResult(((Task<T>)completed).Result);

    protected override bool TrySetException(Exception exception) =>
        exception is OperationCanceledException canceled
            ? _completion.TrySetCanceled(canceled.CancellationToken)
            : _completion.TrySetException(exception);
}
