using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using GreenCompute.Actors;
using GreenCompute.Grains;

namespace GreenCompute.Silo.Gateway;

/// <summary>
/// Calls a grain method by name with JSON arguments: only the grain interfaces of the Grains assembly, only the
/// methods they declare. Unknown names are 404, arguments that do not fit the method are 400; what the grain throws
/// propagates to the caller unchanged.
/// </summary>
internal sealed class GrainDispatcher
{
    private static readonly MethodInfo GetGrainMethod = typeof(IGrainFactory).GetMethod(nameof(IGrainFactory.GetGrain))!;

    private readonly IGrainFactory _grains;
    private readonly FrozenDictionary<string, Type> _interfaces;

    public GrainDispatcher(IGrainFactory grains)
    {
        _grains = grains;
        var types = GrainInterfaces().ToList();
        var byName = types.ToDictionary(t => t.FullName!, StringComparer.Ordinal);
        // Short names too ("ISiteGrain"), where they are unambiguous.
        foreach (var group in types.GroupBy(t => t.Name).Where(g => g.Count() == 1))
        {
            byName[group.Key] = group.Single();
        }

        _interfaces = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The string-keyed grain interfaces the gateway serves: the public ones of GreenCompute.Grains.</summary>
    public static IEnumerable<Type> GrainInterfaces() =>
        typeof(SiloGrains).Assembly.GetExportedTypes().Where(t => t.IsInterface && typeof(IGrainWithStringKey).IsAssignableFrom(t));

    /// <summary>Invokes the method; the result's declared type is null for a plain <see cref="Task"/>.</summary>
    public async Task<(Type? Type, object? Value)> InvokeAsync(string interfaceName, string key, string methodName, JsonElement arguments)
    {
        if (!_interfaces.TryGetValue(interfaceName, out var type))
        {
            throw new GatewayRequestException(404, "Unknown grain interface", $"'{interfaceName}' is not a grain interface of GreenCompute.Grains.");
        }

        // GetMethods on an interface lists what it declares, nothing from object or other interfaces.
        var candidates = type.GetMethods().Where(m => m.Name == methodName && typeof(Task).IsAssignableFrom(m.ReturnType)).ToList();
        if (candidates.Count == 0)
        {
            throw new GatewayRequestException(404, "Unknown grain method", $"{type.Name} has no method '{methodName}'.");
        }

        if (string.IsNullOrEmpty(key))
        {
            throw new GatewayRequestException(400, "Missing grain key", "Give the grain's key.");
        }

        if (arguments.ValueKind != JsonValueKind.Array)
        {
            throw new GatewayRequestException(400, "Bad arguments", "The body must be a JSON array of the method's arguments.");
        }

        var count = arguments.GetArrayLength();
        var method = candidates.FirstOrDefault(m => m.GetParameters().Length == count)
            ?? throw new GatewayRequestException(400, "Bad arguments",
                $"{type.Name}.{methodName} takes {string.Join(" or ", candidates.Select(m => m.GetParameters().Length))} argument(s), not {count}.");
        var values = Bind(method, arguments);
        var grain = GetGrainMethod.MakeGenericMethod(type).Invoke(_grains, [key]);
        Task task;
        try
        {
            task = (Task)method.Invoke(grain, values)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        await task.ConfigureAwait(false);
        if (!method.ReturnType.IsGenericType)
        {
            return (null, null);
        }

        var resultType = method.ReturnType.GetGenericArguments()[0];
        return (resultType, method.ReturnType.GetProperty(nameof(Task<int>.Result))!.GetValue(task));
    }

    private static object?[] Bind(MethodInfo method, JsonElement arguments)
    {
        var parameters = method.GetParameters();
        var values = new object?[parameters.Length];
        var i = 0;
        foreach (var argument in arguments.EnumerateArray())
        {
            var parameter = parameters[i];
            try
            {
                values[i] = argument.Deserialize(parameter.ParameterType, GatewayJson.Options);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or FormatException)
            {
                throw new GatewayRequestException(400, "Bad arguments", $"Argument {i} ({parameter.Name}, {parameter.ParameterType.Name}): {e.Message}");
            }

            // A null where the interface declares a non-nullable parameter would reach grain code as a crash.
            if (values[i] is null && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.NotNull)
            {
                throw new GatewayRequestException(400, "Bad arguments", $"Argument {i} ({parameter.Name}) cannot be null.");
            }

            i++;
        }

        return values;
    }
}
