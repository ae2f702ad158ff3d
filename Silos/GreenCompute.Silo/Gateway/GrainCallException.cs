namespace GreenCompute.Silo.Gateway;

/// <summary>A remote grain call the gateway refused (400/404) or whose grain threw a type the client does not rebuild.</summary>
internal sealed class GrainCallException(int status, string? exceptionType, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The grain's exception type (full name) when the grain threw; null when the gateway refused the call.</summary>
    public string? ExceptionType { get; } = exceptionType;
}
