using System.Reflection;

namespace GreenCompute.Actors.Runtime;

/// <summary>
/// A grain reference: <see cref="DispatchProxy"/> implements the grain interface, and every call becomes a
/// request in the grain's mailbox. Not sealed because DispatchProxy derives the proxy type from it.
/// </summary>
internal class GrainProxy : DispatchProxy
{
    private ActivationCatalog? _catalog;
    private GrainRegistration? _registration;
    private string _key = "";

    internal void Bind(ActivationCatalog catalog, GrainRegistration registration, string key)
    {
        _catalog = catalog;
        _registration = registration;
        _key = key;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return _catalog!.Invoke(_registration!, _key, targetMethod, args);
    }

    public override bool Equals(object? obj) =>
        obj is GrainProxy other && ReferenceEquals(other._registration, _registration) && other._key == _key;

    public override int GetHashCode() => HashCode.Combine(_registration, _key);

    public override string ToString() => $"{_registration?.GrainType}/{_key}";
}
