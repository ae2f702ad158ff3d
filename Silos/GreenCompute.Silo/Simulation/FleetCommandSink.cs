using System.Collections.Concurrent;
using GreenCompute.Grains.Nodes;

namespace GreenCompute.Silo.Simulation;

/// <summary>
/// Stands in for the MQTT command topic in the one-process run: grains enqueue commands from their turns,
/// and the simulation loop hands them to the simulated agents between steps, as a network would deliver them.
/// </summary>
internal sealed class FleetCommandSink : INodeCommandSink
{
    private readonly ConcurrentQueue<NodeCommand> _pending = new();

    public Task SendAsync(NodeCommand command, CancellationToken cancellationToken)
    {
        _pending.Enqueue(command);
        return Task.CompletedTask;
    }

    public bool TryTake(out NodeCommand command) => _pending.TryDequeue(out command!);
}
