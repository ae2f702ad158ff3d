using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Accounts;

/// <summary>
/// On start, after the silo: the first-run administrator (only when no account exists; its one-time password is
/// printed once and must be changed at first sign-in), and demo accounts only when <see cref="WebOptions.SeedDemo"/>.
/// </summary>
internal sealed class AccountBootstrap(AccountService accounts, ISiloAccess silo, WebOptions options, ConsoleNotices notices) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (accounts.Store.CountUsers() == 0)
        {
            var password = AccountService.GeneratePassword();
            accounts.TryCreate("admin", Roles.Operator, password, mustChange: true, null, [], []);
            notices.Write($"First run: operator account 'admin', one-time password {password} (shown only now; you choose a new one at first sign-in).");
        }

        if (options.SeedDemo)
        {
            SeedDemo();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void SeedDemo()
    {
        if (silo.SiteIds.Count == 0)
        {
            // A separate silo that did not answer at start: no buildings to give the demo accounts.
            notices.Write("Demo accounts not created: the silo has not answered yet (start it first, then this host).");
            return;
        }

        var firstSite = silo.SiteIds[0];
        var demo = new (string Name, string Role, string[] Sites, string? Payout)[]
        {
            ("manager", Roles.Manager, [firstSite], null),
            ("customer", Roles.Customer, [], null),
            ("installer", Roles.Installer, [], null),
            ("host", Roles.Host, [firstSite], silo.HostOf(firstSite).ToString().ToLowerInvariant()),
        };
        foreach (var (name, role, sites, payout) in demo)
        {
            if (accounts.Store.FindByName(name) is not null)
            {
                continue;
            }

            var password = AccountService.GeneratePassword();
            accounts.TryCreate(name, role, password, mustChange: false, payout, sites, silo.SiteIds.ToHashSet());
            notices.Write($"Demo account '{name}' ({Roles.Describe(role)}{(sites.Length > 0 ? $", site {string.Join(", ", sites)}" : "")}): password {password}");
        }
    }
}
