namespace GreenCompute.Silo.Gateway;

/// <summary>A gateway request that cannot be dispatched (unknown grain or method, bad arguments): its status and why.</summary>
internal sealed class GatewayRequestException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}
