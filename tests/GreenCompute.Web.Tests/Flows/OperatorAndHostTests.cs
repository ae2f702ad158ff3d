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
    public async Task Operator_FleetTable_AfterAStep_ShowsEveryNodesNewState_AndFiltersStillMatchTheGrains()
    {
        var client = await app.SignedInAsync("op");
        await client.GetStringAsync("/operator");
        await app.Silo.StepAsync(2);
        var page = await client.GetStringAsync("/operator");
        var nodes = (await Task.WhenAll(app.Silo.SiteIds.Select(s => app.Silo.Site(s).GetOverview()))).SelectMany(o => o.Nodes).ToList();
        foreach (var n in nodes)
        {
            var row = Regex.Match(page, $"<tr data-node=\"{Regex.Escape(n.NodeId)}\">.*?</tr>", RegexOptions.Singleline).Value;
            Assert.Contains($"<td>{Format.Time(n.LastSeen)}</td>", row);
            Assert.Contains($"<td>{Format.Mode(n.Mode)}</td>", row);
        }

        foreach (var mode in nodes.Select(n => n.Mode).Distinct())
        {
            var filtered = await client.GetStringAsync($"/operator?mode={mode}");
            Assert.Equal(nodes.Count(n => n.Mode == mode), Regex.Matches(filtered, "<tr data-node=").Count);
        }
    }

    [Fact]
    public async Task FleetView_PagesAndFilters_OverTheGrainsOverviews()
    {
        var overviews = await Task.WhenAll(app.Silo.SiteIds.Select(s => app.Silo.Site(s).GetOverview()));
        var view = new Fleet.FleetView(0, overviews);
        var all = overviews.SelectMany(o => o.Nodes).Select(n => n.NodeId).Order(StringComparer.Ordinal).ToList();

        var first = view.Query(null, null, null, 1, 3);
        var second = view.Query(null, null, null, 2, 3);
        Assert.Equal((all.Count, 2), (first.Total, first.Pages));
        Assert.Equal(all, first.Rows.Concat(second.Rows).Select(n => n.NodeId));
        Assert.Empty(view.Query(null, null, null, 3, 3).Rows);

        Assert.All(view.Query("b2", null, null, 1, 50).Rows, n => Assert.Equal("b2", n.SiteId));
        Assert.Equal(0, view.Query("nowhere", null, null, 1, 50).Total);
        Assert.Equal(["b1-r02"], view.Query(null, null, "B1-R02", 1, 50).Rows.Select(n => n.NodeId));
        var mode = overviews[0].Nodes[0].Mode;
        Assert.Equal(overviews.Sum(o => o.Nodes.Count(n => n.Mode == mode)), view.Query(null, mode, null, 1, 50).Total);
        Assert.Equal(all.Count, view.Sites.Sum(s => s.Rooms));
    }

    [Fact]
    public async Task Operator_FleetTableAndSites_ShowAPairedRoomAtOnce_WithoutAStep()
    {
        var client = await app.SignedInAsync("op");
        var before = Regex.Matches(await client.GetStringAsync("/operator?site=b2"), "<tr data-node=").Count;
        await using var agent = new SimulatedAgent(app);
        var nodeId = await agent.PairAndConnectAsync("b2", "Workshop");
        var after = await client.GetStringAsync("/operator?site=b2");
        Assert.Equal(before + 1, Regex.Matches(after, "<tr data-node=").Count);
        Assert.Contains($"data-node=\"{nodeId}\"", after);
        Assert.Contains(">Workshop</a>", after);
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
