using GreenCompute.Actors;
using GreenCompute.Grains.Nodes;

namespace GreenCompute.Grains.Sites;

internal sealed class SiteGrain : Grain<SiteState>, ISiteGrain
{
    public async Task Register(SiteRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.SiteId != GetPrimaryKeyString())
        {
            throw new ArgumentException($"Registration for site '{registration.SiteId}' sent to site '{GetPrimaryKeyString()}'.");
        }

        if (string.IsNullOrWhiteSpace(registration.PriceZone))
        {
            throw new ArgumentException($"Site '{registration.SiteId}' needs a price zone (e.g. DE).");
        }

        State.Registration = registration;
        await WriteStateAsync();
    }

    public Task<SiteRegistration> GetRegistration() => Task.FromResult(Registration);

    public async Task<SiteOverview> GetOverview()
    {
        var registration = Registration;
        var snapshots = await Task.WhenAll(registration.NodeIds.Select(id => GrainFactory.GetGrain<IHeaterNodeGrain>(id).GetSnapshot()));
        return new SiteOverview(registration, [.. snapshots]);
    }

    private SiteRegistration Registration =>
        State.Registration ?? throw new InvalidOperationException($"Site '{GetPrimaryKeyString()}' is not registered.");
}
