using System.Net;
using System.Text.RegularExpressions;
using GreenCompute.Web.Tests.Fixtures;

namespace GreenCompute.Web.Tests.Flows;

/// <summary>The first-run administrator, the operator's accounts and fleet pages, and hosts' earnings from the ledger.</summary>
public sealed class OperatorAndHostTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task FirstRunAdministrator_PasswordPrintedOnce_MustBeChangedBeforeAnythingElse()
    {
        var lines = app.Notices.Lines.Where(l => l.Contains("one-time password", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.DoesNotContain(app.Notices.Lines.Except(lines), l => l.Contains(Regex.Match(line, "password (\\S+)").Groups[1].Value, StringComparison.Ordinal));
        var password = Regex.Match(line, "one-time password (\\S+)").Groups[1].Value;

        var client = app.Client();
        var signIn = await Fixtures.Forms.PostAsync(client, "/login", "login", new() { ["Input.Name"] = "admin", ["Input.Password"] = password });
        Assert.EndsWith("/account/password", signIn.Headers.Location?.OriginalString);
        var blocked = await client.GetAsync("/operator");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/account/password", blocked.Headers.Location?.OriginalString);

        var changed = await Fixtures.Forms.PostAsync(client, "/account/password", "password", new() { ["Input.Current"] = password, ["Input.New"] = "a-new-long-password" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/operator")).StatusCode);
        Assert.Equal(Accounts.SignInOutcome.Failed, app.Accounts.CheckPassword("admin", password).Outcome);
    }

    [Fact]
    public async Task Operator_CreatesAnAccount_AndBadValuesAreRefusedAtTheirFields()
    {
        var client = await app.SignedInAsync("op");
        var bad = await Fixtures.Forms.PostAsync(client, "/admin/users", "account", new()
        {
            ["Input.Name"] = "bad name!", ["Input.Role"] = "king", ["Input.Password"] = "short", ["Input.Sites"] = "b9", ["Input.PayoutAccount"] = "0x12",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        foreach (var field in new[] { "Name", "Role", "Password", "Sites", "PayoutAccount" })
        {
            Assert.NotNull(Fixtures.Forms.FieldError(html, field));
        }

        Assert.Null(app.Accounts.Store.FindByName("bad name!"));
        var good = await Fixtures.Forms.PostAsync(client, "/admin/users", "account", new()
        {
            ["Input.Name"] = "manager-new", ["Input.Role"] = "manager", ["Input.Password"] = "temporary-password-1", ["Input.Sites"] = "b2",
        });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var created = app.Accounts.Store.FindByName("manager-new")!;
        Assert.Equal(["b2"], created.SiteIds.ToArray());
        Assert.True(created.MustChangePassword);
    }

    [Fact]
    public async Task Operator_FleetTable_FiltersAndPages()
    {
        var client = await app.SignedInAsync("op");
        var all = await client.GetStringAsync("/operator");
        Assert.Equal(4, Regex.Matches(all, "<tr data-node=").Count);
        var b2 = await client.GetStringAsync("/operator?site=b2");
        Assert.Equal(2, Regex.Matches(b2, "<tr data-node=\"b2-").Count);
        Assert.DoesNotContain("data-node=\"b1-", b2);
        var one = await client.GetStringAsync("/operator?q=b1-r02");
        Assert.Single(Regex.Matches(one, "<tr data-node="));
    }

    [Fact]
    public async Task Host_SeesTheirEarningsPerEpochAndTheClaimProof_NotAnotherHosts()
    {
        // Two simulated hours: at least one epoch closed and recorded (journal) with payouts for b1's host.
        await app.Silo.StepAsync(150);
        var host1 = await app.SignedInAsync("host1");
        var page = await host1.GetStringAsync("/host");
        var account = app.Accounts.Store.FindByName("host1")!.PayoutAccount!;
        Assert.Contains(account, page);
        Assert.Contains("Cumulative entitlement at epoch", page);
        Assert.Contains("PayoutDistributor.claim", page);
        Assert.Matches("<tr><td>\\d+</td>", page);

        var host2Page = await (await app.SignedInAsync("host2")).GetStringAsync("/host");
        Assert.DoesNotContain(account, host2Page);
    }
}
