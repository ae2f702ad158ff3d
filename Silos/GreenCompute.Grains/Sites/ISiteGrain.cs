using GreenCompute.Actors;

namespace GreenCompute.Grains.Sites;

/// <summary>One building (key: site id): its price zone and the nodes of its rooms.</summary>
public interface ISiteGrain : IGrainWithStringKey
{
    Task Register(SiteRegistration registration);

    /// <summary>The registration; throws <see cref="InvalidOperationException"/> for an unknown site.</summary>
    Task<SiteRegistration> GetRegistration();

    /// <summary>Every node of the site, read from the node grains.</summary>
    Task<SiteOverview> GetOverview();
}
