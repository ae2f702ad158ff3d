namespace GreenCompute.Grains.Nodes;

/// <summary>
/// Where node commands go: the device, over MQTT in production (QoS 1 on gc/v1/nodes/{id}/commands), or the
/// simulated fleet in the one-process run. Implementations must not block the grain's turn.
/// </summary>
public interface INodeCommandSink
{
    Task SendAsync(NodeCommand command, CancellationToken cancellationToken);
}
