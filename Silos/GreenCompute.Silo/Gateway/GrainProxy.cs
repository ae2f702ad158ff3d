using System.Collections.Concurrent;
using System.Reflection;

namespace GreenCompute.Silo.Gateway;

/// <summary>
/// A grain reference across the gateway: <see cref="DispatchProxy"/> implements the grain interface and turns each
/// call into a gateway request. Not sealed: <see cref="DispatchProxy"/> derives the generated proxy from it.
/// </summary>
internal class GrainProxy : DispatchProxy
{
    private static readonly MethodInfo TypedCall = typeof(GrainProxy).GetMethod(nameof(CallAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> TypedCalls = new();

    private GatewayClient? _client;
    private Type? _interface;
    private string? _key;

    internal static T Create<T>(GatewayClient client, string key)
    {
        var proxy = DispatchProxy.Create(typeof(T), typeof(GrainProxy));
        var self = (GrainProxy)proxy;
        self._client = client;
        self._interface = typeof(T);
        self._key = key;
        return (T)proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var arguments = args ?? [];
        if (targetMethod.ReturnType == typeof(Task))
        {
            return _client!.CallGrainAsync(_interface!, _key!, targetMethod, arguments);
        }

        if (targetMethod.ReturnType.IsGenericType && targetMethod.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var typed = TypedCalls.GetOrAdd(targetMethod.ReturnType.GetGenericArguments()[0], t => TypedCall.MakeGenericMethod(t));
            return typed.Invoke(this, [targetMethod, arguments]);
        }

        throw new NotSupportedException($"{_interface!.Name}.{targetMethod.Name}: grain methods return Task or Task<T>.");
    }

    private async Task<T> CallAsync<T>(MethodInfo method, object?[] arguments) =>
        (T)(await _client!.CallGrainAsync(_interface!, _key!, method, arguments).ConfigureAwait(false))!;
}
