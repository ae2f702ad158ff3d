using System.Collections.Concurrent;

namespace GreenCompute.Web.Hosting;

/// <summary>
/// Tells live views that something moved: the whole fleet stepped (<see cref="Publish"/>, awaited through
/// <see cref="Next"/>), or one node's state changed between steps (<see cref="PublishNode"/>: its telemetry arrived),
/// which wakes only the views watching that node or its site, so a room's page follows its device without waiting for
/// a step of the whole fleet. Per-node and per-site signals exist only once a view watches them.
/// </summary>
internal sealed class FleetTicks
{
    private readonly TickSignal _fleet = new();
    private readonly ConcurrentDictionary<string, TickSignal> _nodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TickSignal> _sites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _siteOf = new(StringComparer.Ordinal);

    /// <summary>Fleet steps so far.</summary>
    public long Count => _fleet.Count;

    /// <summary>Completes at the next fleet step with the step count.</summary>
    public Task<long> Next => _fleet.Next;

    /// <summary>The fleet stepped.</summary>
    public void Publish() => _fleet.Publish();

    /// <summary>The signal of one node, for a view that shows it.</summary>
    public TickSignal Node(string nodeId) => _nodes.GetOrAdd(nodeId, _ => new TickSignal());

    /// <summary>The signal of one site, for a view that shows its rooms; <paramref name="nodeIds"/> are its nodes now.</summary>
    public TickSignal Site(string siteId, IEnumerable<string> nodeIds)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        foreach (var nodeId in nodeIds)
        {
            _siteOf[nodeId] = siteId;
        }

        return _sites.GetOrAdd(siteId, _ => new TickSignal());
    }

    /// <summary>A node joined <paramref name="siteId"/> (pairing): its updates wake that site's views too.</summary>
    public void Locate(string nodeId, string siteId) => _siteOf[nodeId] = siteId;

    /// <summary>A node's state changed between fleet steps: wakes the views of the node and of its site, if any watch.</summary>
    public void PublishNode(string nodeId)
    {
        if (_nodes.TryGetValue(nodeId, out var node))
        {
            node.Publish();
        }

        if (_siteOf.TryGetValue(nodeId, out var siteId) && _sites.TryGetValue(siteId, out var site))
        {
            site.Publish();
        }
    }
}
