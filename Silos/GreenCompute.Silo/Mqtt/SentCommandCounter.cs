using GreenCompute.Grains.Nodes;

namespace GreenCompute.Silo.Mqtt;

/// <summary>Counts the commands the grains hand to the MQTT sink, so the simulation can wait until each has reached its device.</summary>
internal sealed class SentCommandCounter(INodeCommandSink inner) : INodeCommandSink
{
    private long _requested;

    public long Requested => Interlocked.Read(ref _requested);

    public Task SendAsync(NodeCommand command, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requested);
        return inner.SendAsync(command, cancellationToken);
    }
}
