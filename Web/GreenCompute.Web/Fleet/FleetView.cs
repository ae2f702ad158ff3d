using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Sites;

namespace GreenCompute.Web.Fleet;

/// <summary>
/// The whole fleet as of one fleet step (<see cref="Tick"/>): every node's snapshot sorted by node id, each site's
/// nodes, and each site's counts. Immutable, so any number of requests read it at once.
/// </summary>
internal sealed class FleetView
{
    private static readonly IReadOnlyList<NodeSnapshot> None = [];
    private readonly Dictionary<string, IReadOnlyList<NodeSnapshot>> _bySite = new(StringComparer.Ordinal);

    public FleetView(long tick, IReadOnlyList<SiteOverview> overviews)
    {
        Tick = tick;
        var sites = new List<SiteSummary>(overviews.Count);
        foreach (var o in overviews)
        {
            _bySite[o.Site.SiteId] = [.. o.Nodes.OrderBy(n => n.NodeId, StringComparer.Ordinal)];
            sites.Add(SiteSummary.Of(o));
        }

        Sites = sites;
        Nodes = [.. overviews.SelectMany(o => o.Nodes).OrderBy(n => n.NodeId, StringComparer.Ordinal)];
    }

    /// <summary>The <see cref="Hosting.FleetTicks"/> count this view was read at (or after).</summary>
    public long Tick { get; }

    /// <summary>Every node, by node id (ordinal).</summary>
    public IReadOnlyList<NodeSnapshot> Nodes { get; }

    /// <summary>Each site's counts, in the order the sites were given.</summary>
    public IReadOnlyList<SiteSummary> Sites { get; }

    public IReadOnlyList<NodeSnapshot> NodesOf(string siteId) => _bySite.GetValueOrDefault(siteId) ?? None;

    /// <summary>
    /// One page of the nodes that match: <paramref name="siteId"/> picks the site's list, <paramref name="mode"/> and
    /// <paramref name="contains"/> (node id or room name, any case) filter it. Without mode or text the page is a slice;
    /// with them the site's list is scanned in memory (microseconds for 10,000 nodes), never the grains.
    /// </summary>
    public FleetPage Query(string? siteId, HeaterMode? mode, string? contains, int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var source = string.IsNullOrEmpty(siteId) ? Nodes : NodesOf(siteId);
        IReadOnlyList<NodeSnapshot> matching = mode is null && string.IsNullOrEmpty(contains)
            ? source
            : [.. source.Where(n => (mode is null || n.Mode == mode)
                && (string.IsNullOrEmpty(contains) || n.NodeId.Contains(contains, StringComparison.OrdinalIgnoreCase) || n.RoomName.Contains(contains, StringComparison.OrdinalIgnoreCase)))];
        var pages = Math.Max(1, (matching.Count + pageSize - 1) / pageSize);
        var first = (long)(page - 1) * pageSize;
        var rows = new List<NodeSnapshot>(pageSize);
        for (var i = first; i < matching.Count && i < first + pageSize; i++)
        {
            rows.Add(matching[(int)i]);
        }

        return new FleetPage(rows, matching.Count, pages);
    }
}
