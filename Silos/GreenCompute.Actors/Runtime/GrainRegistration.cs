using System.Collections.Concurrent;
using System.Reflection;

namespace GreenCompute.Actors.Runtime;

/// <summary>A registered grain class: its storage name, its factory and its interface methods (cached on first call).</summary>
internal sealed class GrainRegistration(string grainType, Type grainClass, Func<Grain> factory)
{
    private readonly ConcurrentDictionary<MethodInfo, GrainMethod> _methods = new();

    /// <summary>The name state is stored under (the class name unless given).</summary>
    public string GrainType => grainType;

    public Type GrainClass => grainClass;

    public Func<Grain> Factory => factory;

    public GrainMethod GetMethod(MethodInfo method) =>
        _methods.TryGetValue(method, out var found) ? found : _methods.GetOrAdd(method, GrainMethod.Create);
}
