using Xunit.Abstractions;
using GreenCompute.Core.Work;
using GreenCompute.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace GreenCompute.Web.Tests.Browser;

/// <summary>
/// Each role's main flow in a real Chromium against the real app. The fleet's clock is stepped by the test (no
/// pacing, no sleeps); pages change only through htmx + server-sent events, without reloads.
/// </summary>
public sealed class RoleFlowTests(WebApp app, Fixtures.Browser browser, ITestOutputHelper output) : IClassFixture<WebApp>, IClassFixture<Fixtures.Browser>
{
    [Fact]
    public async Task Customer_SubmitsAJob_AndSeesItFinishOnTheSimulatedFleet()
    {
        var page = await browser.SignInAsync(app, "customer1");
        page.Console += (_, m) => output.WriteLine($"console: {m.Text}");
        page.RequestFailed += (_, r) => output.WriteLine($"failed: {r.Url} {r.Failure}");
        await Fixtures.Browser.DiagnoseAsync(page, output, "customer", async () =>
        {
            await page.GotoAsync("/jobs/new");
            await page.FillAsync("input[name='Input.Name']", "render frames");
            await page.SelectOptionAsync("select[name='Input.Workload']", "cpu-burn");
            await page.FillAsync("input[name='Input.Tasks']", "4");
            await page.FillAsync("input[name='Input.CpuSeconds']", "300");
            await page.FillAsync("input[name='Input.MaxPrice']", "1000");
            await page.ClickAsync("button:has-text('Estimate')");
            await Expect(page.Locator("#estimate")).ToContainTextAsync("core-hours");
            await Fixtures.Browser.ScreenshotAsync(page, "customer-estimate");

            await page.ClickAsync("button:has-text('Submit job')");
            await page.WaitForURLAsync(url => url.Contains("/jobs/job-", StringComparison.Ordinal), Fixtures.Browser.Committed);
            var jobId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            await Expect(page.Locator("#job-state")).ToHaveTextAsync("queued");
            var url = page.Url;

            for (var steps = 0; (await app.Silo.Scheduler.GetJob(jobId))!.State != JobState.Completed; steps += 5)
            {
                Assert.True(steps < 24 * 60, $"job {jobId} did not finish within a simulated day");
                await app.Silo.StepAsync(5);
            }

            await Expect(page.Locator("#job-state")).ToHaveTextAsync("completed");
            Assert.Equal(url, page.Url);
            await Expect(page.Locator("#job-detail code.output-hash").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0x[0-9a-f]{64}$"));
            await Fixtures.Browser.ScreenshotAsync(page, "customer-job-completed");
        });
    }

    [Fact]
    public async Task Manager_NarrowsTheComfortBand_AndSeesTheHeatersReasonChange()
    {
        // Let the fleet plan once so the room has a reason of the scheduler's.
        await app.Silo.StepAsync(16);
        var page = await browser.SignInAsync(app, "manager1");
        await Fixtures.Browser.DiagnoseAsync(page, output, "manager", async () =>
        {
            await page.GotoAsync("/sites/b1");
            await Expect(page.Locator("tr[data-node='b1-r01']")).ToBeVisibleAsync();
            await Fixtures.Browser.ScreenshotAsync(page, "manager-site");
            await page.ClickAsync("a[href='/sites/b1/rooms/b1-r01']");
            await Expect(page.Locator("div.chart[data-drawn='true']").First).ToBeVisibleAsync();
            var before = await page.Locator("#room-reason").InnerTextAsync();

            // A narrow band well below the room's temperature, at every hour of every day: the room needs no heat now.
            await page.FillAsync("input[name='Form.SetbackMin']", "16");
            await page.FillAsync("input[name='Form.SetbackMax']", "16.5");
            // One rule for the whole day; the others removed (rules must not overlap).
            await page.SelectOptionAsync("select[name='Form.Rules[0].Days']", "EveryDay");
            await page.FillAsync("input[name='Form.Rules[0].From']", "00:00");
            await page.FillAsync("input[name='Form.Rules[0].Until']", "23:59");
            await page.FillAsync("input[name='Form.Rules[0].Min']", "16");
            await page.FillAsync("input[name='Form.Rules[0].Max']", "16.5");
            var rows = await page.Locator("input[name$='].Remove']").CountAsync();
            for (var i = 1; i < rows; i++)
            {
                await page.CheckAsync($"input[name='Form.Rules[{i}].Remove']");
            }

            await page.ClickAsync("button:has-text('Save schedule')");
            await Expect(page.Locator("#comfort-saved")).ToBeVisibleAsync();
            var saved = await app.Silo.Node("b1-r01").GetComfortSchedule();
            Assert.Equal(16, saved.SetbackMinCelsius);

            // The next planning round decides with the new band; the live fragment shows the new reason.
            await app.Silo.StepAsync(16);
            await Expect(page.Locator("#room-band")).ToHaveTextAsync("16.0–16.5 °C");
            await Expect(page.Locator("#room-reason")).Not.ToHaveTextAsync(before);
            output.WriteLine($"reason before: {before}; after: {await page.Locator("#room-reason").InnerTextAsync()}");
            await Fixtures.Browser.ScreenshotAsync(page, "manager-room-after-narrowing");
        });
    }

    [Fact]
    public async Task Installer_PairsASimulatedAgent_AndSeesItsFirstTelemetryAndChecklist()
    {
        await using var agent = new SimulatedAgent(app);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await agent.RequestAsync()).StatusCode);
        Assert.Equal("pending", (await agent.PollAsync()).GetProperty("status").GetString());

        var page = await browser.SignInAsync(app, "installer1");
        page.Console += (_, m) => output.WriteLine($"console: {m.Text}");
        await Fixtures.Browser.DiagnoseAsync(page, output, "installer", async () =>
        {
            await page.GotoAsync("/installer");
            await page.FillAsync("input[name='Input.ClaimCode']", agent.ClaimCode.ToLowerInvariant());
            await page.SelectOptionAsync("select[name='Input.SiteId']", "b1");
            await page.FillAsync("input[name='Input.RoomName']", "Lab 3");
            await Fixtures.Browser.ScreenshotAsync(page, "installer-pairing-form");
            await page.ClickAsync("button:has-text('Pair')");
            await page.WaitForURLAsync(url => url.Contains("/installer/pairings/", StringComparison.Ordinal), Fixtures.Browser.Committed);
            await Expect(page.Locator("#first-telemetry")).ToHaveTextAsync("none yet");

            var paired = await agent.PollAsync();
            Assert.Equal("paired", paired.GetProperty("status").GetString());
            var nodeId = paired.GetProperty("nodeId").GetString()!;
            Assert.Equal("b1", paired.GetProperty("siteId").GetString());
            var mqtt = paired.GetProperty("mqtt");
            Assert.Equal(nodeId, mqtt.GetProperty("username").GetString());
            var password = mqtt.GetProperty("password").GetString()!;
            Assert.False((await agent.PollAsync()).GetProperty("mqtt").TryGetProperty("password", out _), "the broker password must be handed out once");

            await agent.ConnectAsync(mqtt.GetProperty("host").GetString()!, mqtt.GetProperty("port").GetInt32(), nodeId, password);
            await agent.PublishTelemetryAsync(nodeId, 21.4, 430);
            await app.Silo.StepAsync();
            await Expect(page.Locator("#first-telemetry")).Not.ToHaveTextAsync("none yet");
            await Expect(page.Locator("li[data-check='Temperature plausible']")).ToContainTextAsync("✔");
            await Expect(page.Locator("li[data-check='Power reading present']")).ToContainTextAsync("✔");
            await Expect(page.Locator("li[data-check='Clock in sync']")).ToContainTextAsync("✔");
            await Fixtures.Browser.ScreenshotAsync(page, "installer-commissioning");

            // The node is in its building now, with the temperature its device reported.
            Assert.Contains(nodeId, (await app.Silo.Site("b1").GetRegistration()).NodeIds);
            Assert.Equal(21.4, (await app.Silo.Node(nodeId).GetSnapshot()).RoomTemperature!.Value.Value);
        });
    }
}
