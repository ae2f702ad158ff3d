using System.Reflection;

namespace GreenCompute.Actors.Runtime;

/// <summary>A grain method returning a plain <see cref="Task"/>.</summary>
internal sealed class VoidGrainMethod(MethodInfo method) : GrainMethod(method)
{
    public override CallRequest CreateRequest(ActivationCatalog catalog, object?[]? arguments) =>
        new VoidCallRequest(catalog, this, arguments);
}
