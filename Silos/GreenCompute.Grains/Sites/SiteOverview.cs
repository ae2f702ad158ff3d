using System.Collections.Immutable;
using GreenCompute.Grains.Nodes;

namespace GreenCompute.Grains.Sites;

/// <summary>A building and every room's node as they are now.</summary>
public sealed record SiteOverview(SiteRegistration Site, ImmutableArray<NodeSnapshot> Nodes)
{
    public int RoomsInBand => Nodes.Count(n => n.RoomTemperature is { } t && n.Band is { } b && b.Contains(t));
}
