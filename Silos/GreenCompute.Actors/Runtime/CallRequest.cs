namespace GreenCompute.Actors.Runtime;

/// <summary>A call from a grain reference: the method, its arguments (as passed, not copied) and the caller's Task.</summary>
internal abstract class CallRequest(ActivationCatalog catalog, GrainMethod method, object?[]? arguments) : Request
{
    public GrainMethod Method => method;

    /// <summary>The Task the caller awaits (<see cref="Task{TResult}"/> for methods with a result).</summary>
    public abstract Task CallerTask { get; }

    public override bool KeepsAlive => true;

    public override bool IsCompleted => CallerTask.IsCompleted;

    public override Task Start(GrainActivation activation) => method.Invoke(activation.Grain, arguments);

    public override void Complete(GrainActivation activation, Task task)
    {
        if (task.IsCompletedSuccessfully ? TrySetResultFrom(task) : TrySetException(ExceptionOf(task)))
        {
            catalog.CallEnded();
        }
    }

    public override void Fail(Exception exception)
    {
        if (TrySetException(exception))
        {
            catalog.CallEnded();
        }
    }

    protected abstract bool TrySetResultFrom(Task completed);

    /// <summary>Faults (or, for an <see cref="OperationCanceledException"/>, cancels) the caller's Task.</summary>
    protected abstract bool TrySetException(Exception exception);
}
