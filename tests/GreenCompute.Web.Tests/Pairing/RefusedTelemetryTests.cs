using System.Net;
using GreenCompute.Web.Tests.Fixtures;

namespace GreenCompute.Web.Tests.Pairing;

/// <summary>
/// A paired device whose reports the silo refuses (here: stamped on real time, ahead of the simulated clock): the
/// installer's commissioning page says that they arrive and why they are refused, instead of "none yet" forever.
/// </summary>
public sealed class RefusedTelemetryTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task ReportAheadOfTheSiloClock_IsRefused_AndThePairingPageSaysWhy()
    {
        await using var agent = new SimulatedAgent(app);
        Assert.Equal(HttpStatusCode.Accepted, (await agent.RequestAsync()).StatusCode);
        var installer = await app.SignedInAsync("installer1");
        var paired = await Fixtures.Forms.PostAsync(installer, "/installer", "pair", new() { ["Input.ClaimCode"] = agent.ClaimCode, ["Input.SiteId"] = "b1", ["Input.RoomName"] = "Lab 7" });
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        var status = await agent.PollAsync();
        var nodeId = status.GetProperty("nodeId").GetString()!;
        var mqtt = status.GetProperty("mqtt");
        await agent.ConnectAsync(mqtt.GetProperty("host").GetString()!, mqtt.GetProperty("port").GetInt32(), nodeId, mqtt.GetProperty("password").GetString()!);

        await agent.PublishTelemetryAsync(nodeId, 21, 300, ahead: TimeSpan.FromDays(3000), expectRefused: true);

        var snapshot = await app.Silo.Node(nodeId).GetSnapshot();
        Assert.Null(snapshot.LastSeen);
        Assert.Equal(1, snapshot.RejectedTelemetry);
        var html = await (await installer.GetAsync(paired.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"first-telemetry\">none yet", html, StringComparison.Ordinal);
        var match = System.Text.RegularExpressions.Regex.Match(html, "<p id=\"telemetry-refused\"[^>]*>(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "the page does not say the reports are refused");
        var refused = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(match.Groups[1].Value, @"\s+", " "));
        Assert.Contains("1 report refused", refused, StringComparison.Ordinal);
        Assert.Contains("ahead of the silo clock", refused, StringComparison.Ordinal);
        Assert.Contains("wall-clock time", refused, StringComparison.Ordinal);
    }
}
