using System.Reflection;

namespace GreenCompute.Actors.Runtime;

/// <summary>A grain method returning <see cref="Task{TResult}"/>.</summary>
internal sealed class GrainMethod<T>(MethodInfo method) : GrainMethod(method)
{
    public override CallRequest CreateRequest(ActivationCatalog catalog, object?[]? arguments) =>
        new CallRequest<T>(catalog, this, arguments);
}
