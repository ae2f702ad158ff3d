namespace GreenCompute.Actors;

/// <summary>
/// A grain call did not complete within <see cref="GrainHostOptions.CallTimeout"/> on the host's clock. The callee
/// is not interrupted: it finishes its turn, and its result is dropped.
/// </summary>
public sealed class GrainCallTimeoutException(string grain, string method, TimeSpan timeout)
    : TimeoutException($"Call {method} on grain {grain} did not complete within {timeout}.")
{
    /// <summary>The grain called, as <c>grainType/key</c>.</summary>
    public string Grain { get; } = grain;

    /// <summary>The method called, as <c>IInterface.Method</c>.</summary>
    public string Method { get; } = method;

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; } = timeout;
}
