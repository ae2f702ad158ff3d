using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Sites;

namespace GreenCompute.Web.Fleet;

/// <summary>A building's line in the sites list: its rooms, how many are in their comfort band, and the heaters by state.</summary>
internal sealed record SiteSummary(string SiteId, string Name, int Rooms, int InBand, int Computing, int HeatOnly, int Idle, int Offline)
{
    public static SiteSummary Of(SiteOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        int Count(HeaterMode mode) => overview.Nodes.Count(n => n.Mode == mode);
        return new SiteSummary(overview.Site.SiteId, overview.Site.Name, overview.Nodes.Length, overview.RoomsInBand,
            Count(HeaterMode.Computing), Count(HeaterMode.HeatOnly), Count(HeaterMode.Idle), Count(HeaterMode.Offline));
    }
}
