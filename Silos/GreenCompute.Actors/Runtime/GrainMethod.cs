using System.Reflection;

namespace GreenCompute.Actors.Runtime;

/// <summary>A grain interface method: how to invoke it on a grain and how to make a call request for it.</summary>
internal abstract class GrainMethod(MethodInfo method)
{
    private readonly MethodInvoker _invoker = MethodInvoker.Create(method);

    /// <summary>The method as <c>IInterface.Method</c>, for messages.</summary>
    public string Name { get; } = $"{method.DeclaringType?.Name}.{method.Name}";

    /// <summary>Runs the method on <paramref name="grain"/> (interface dispatch); exceptions are not wrapped.</summary>
    public Task Invoke(Grain grain, object?[]? arguments) =>
        _invoker.Invoke(grain, arguments.AsSpan()) as Task
            ?? throw new InvalidOperationException($"{Name} on {grain.GetType().Name} returned null instead of a Task.");

    public abstract CallRequest CreateRequest(ActivationCatalog catalog, object?[]? arguments);

    public static GrainMethod Create(MethodInfo method)
    {
        if (method.ReturnType == typeof(Task))
        {
            return new VoidGrainMethod(method);
        }

        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var type = typeof(GrainMethod<>).MakeGenericType(method.ReturnType.GetGenericArguments()[0]);
            return (GrainMethod)Activator.CreateInstance(type, method)!;
        }

        throw new NotSupportedException(Describe(method, "returns neither Task nor Task<T>"));
    }

    /// <summary>Throws unless every method of <paramref name="grainInterface"/> can be called through a grain reference.</summary>
    public static void Validate(Type grainInterface)
    {
        foreach (var type in grainInterface.GetInterfaces().Append(grainInterface))
        {
            foreach (var method in type.GetMethods())
            {
                var problem =
                    method.ReturnType != typeof(Task)
                        && !(method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
                        ? "returns neither Task nor Task<T>"
                    : method.IsGenericMethodDefinition ? "is generic"
                    : method.GetParameters().Any(p => p.ParameterType.IsByRef) ? "has a ref, in or out parameter"
                    : null;
                if (problem is not null)
                {
                    throw new ArgumentException(Describe(method, problem), nameof(grainInterface));
                }
            }
        }
    }

    private static string Describe(MethodInfo method, string problem) =>
        $"Grain method {method.DeclaringType?.Name}.{method.Name} {problem}; grain methods must return Task or Task<T> " +
        "and take plain (preferably immutable) arguments.";
}
