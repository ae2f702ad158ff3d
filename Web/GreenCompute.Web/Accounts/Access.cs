using System.Globalization;
using System.Security.Claims;
using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Accounts;

/// <summary>
/// Who may see which tenant's things. A site, room or job outside the caller's scope is answered exactly like one
/// that does not exist (404), so ids cannot be probed.
/// </summary>
internal sealed class Access(ISiloAccess silo, UserStore users)
{
    public static long UserId(ClaimsPrincipal user) =>
        long.Parse(user.FindFirst(AccountService.IdClaim)?.Value ?? throw new InvalidOperationException("Not signed in."), CultureInfo.InvariantCulture);

    /// <summary>The sites the caller may see: every site for an operator, a manager's or host's own sites.</summary>
    public IReadOnlyList<string> Sites(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Operator)
            ? silo.SiteIds
            : user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Host)
                ? [.. user.FindAll(AccountService.SiteClaim).Select(c => c.Value).Where(silo.SiteIds.Contains)]
                : [];

    public bool CanSeeSite(ClaimsPrincipal user, string siteId) => Sites(user).Contains(siteId);

    /// <summary>The site of <paramref name="nodeId"/> when the caller may see it, else null.</summary>
    public async Task<string?> SiteOfNodeAsync(ClaimsPrincipal user, string siteId, string nodeId)
    {
        if (!CanSeeSite(user, siteId))
        {
            return null;
        }

        var registration = await silo.Site(siteId).GetRegistration();
        return registration.NodeIds.Contains(nodeId) ? siteId : null;
    }

    public bool OwnsJob(ClaimsPrincipal user, string jobId) => users.JobOwner(jobId) is { } owner && owner == UserId(user);
}
