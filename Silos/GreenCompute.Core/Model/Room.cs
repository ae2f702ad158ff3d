using GreenCompute.Core.Comfort;

namespace GreenCompute.Core.Model;

/// <summary>A heated room of a site, with the comfort schedule its heaters must hold.</summary>
public sealed record Room
{
    public Room(string id, string siteId, string name, ComfortSchedule comfort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(comfort);
        Id = id;
        SiteId = siteId;
        Name = name;
        Comfort = comfort;
    }

    public string Id { get; }

    public string SiteId { get; }

    public string Name { get; }

    public ComfortSchedule Comfort { get; }
}
