using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work;
using GreenCompute.Grains;
using GreenCompute.Grains.Jobs;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Grains.Sites;
using GreenCompute.Silo.Gateway;
using GreenCompute.Silo.Tests.Grains;

namespace GreenCompute.Silo.Tests.Gateway;

public sealed class GatewayTests
{
    private const string SiteJson = """[{"siteId":"s1","name":"Building 1","priceZone":"DE","utcOffsetMinutes":60,"nodeIds":["n1"]}]""";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token-0123456789abc")]
    [InlineData("Bearer " + GatewayFixture.TokenText + "x")]
    [InlineData("Basic " + GatewayFixture.TokenText)]
    public async Task Call_WithoutTheToken_Is401AndNothingIsCalled(string? authorization)
    {
        await using var gateway = await GatewayFixture.StartAsync();

        var response = await gateway.PostAsync("ISiteGrain/s1/Register", SiteJson, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.Silo.Host.GetGrain<ISiteGrain>("s1").GetRegistration());
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Raw.GetAsync("gateway/v1/silo")).StatusCode);
    }

    [Theory]
    [InlineData("IMissingGrain/s1/Register", "Unknown grain interface")]
    [InlineData("System.IDisposable/s1/Dispose", "Unknown grain interface")]
    [InlineData("GreenCompute.Actors.IGrainWithStringKey/s1/GetType", "Unknown grain interface")]
    [InlineData("ISiteGrain/s1/Delete", "Unknown grain method")]
    [InlineData("ISiteGrain/s1/ToString", "Unknown grain method")]
    [InlineData("ISiteGrain/s1/GetHashCode", "Unknown grain method")]
    public async Task Call_UnknownInterfaceOrMethod_Is404ProblemDetails(string path, string title)
    {
        await using var gateway = await GatewayFixture.StartAsync();

        var response = await gateway.PostAsync(path, "[]");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"siteId":"s1"}""", "JSON array")]
    [InlineData("[]", "takes 1 argument(s), not 0")]
    [InlineData("""["s1"]""", "registration")]
    [InlineData("[null]", "cannot be null")]
    [InlineData("""[{"siteId":"s1","nodeIds":"n1"}]""", "registration")]
    public async Task Call_BadArguments_Is400AndChangesNothing(string body, string detail)
    {
        await using var gateway = await GatewayFixture.StartAsync();

        var response = await gateway.PostAsync("ISiteGrain/s1/Register", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.Silo.Host.GetGrain<ISiteGrain>("s1").GetRegistration());
    }

    [Fact]
    public async Task RemoteGrains_RoundTripRecordsImmutableArraysAndTimes()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var direct = gateway.Silo.Host;
        var remote = gateway.Grains;
        var site = new SiteRegistration("site-1", "Building 1", "DE", 60, ["n1"]);
        await remote.GetGrain<ISiteGrain>("site-1").Register(site);
        await remote.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey).RegisterSite(site);
        await remote.GetGrain<IHeaterNodeGrain>("n1").Register(SiloFixture.Registration("n1"));
        var seen = new DateTimeOffset(2026, 1, 5, 0, 1, 0, TimeSpan.FromHours(1));
        var telemetry = await remote.GetGrain<IHeaterNodeGrain>("n1").ReportTelemetry(SiloFixture.Telemetry("n1", seen, 1, 19.5, 400, 12.5));
        var spec = new JobSpec("render", "customer-1", "cpu-burn", 3, new CoreSeconds(1800), SiloFixture.Start.AddHours(12), new EurPerMwh(500), TimeSpan.FromMinutes(10));
        var submitted = await remote.GetGrain<IJobGrain>("job-1").Submit(spec);

        Assert.True(telemetry.Accepted, telemetry.Rejection);
        Assert.True(submitted.Accepted);
        var back = await remote.GetGrain<ISiteGrain>("site-1").GetRegistration();
        Assert.Equal((site.SiteId, site.Name, site.PriceZone, site.UtcOffsetMinutes), (back.SiteId, back.Name, back.PriceZone, back.UtcOffsetMinutes));
        Assert.Equal(site.NodeIds.ToArray(), back.NodeIds.ToArray());
        var snapshot = await remote.GetGrain<IHeaterNodeGrain>("n1").GetSnapshot();
        var local = await direct.GetGrain<IHeaterNodeGrain>("n1").GetSnapshot();
        Assert.Equal((local.RoomName, local.Heater, local.LastSeen, local.RoomTemperature, local.Power, local.EnergyCounter), (snapshot.RoomName, snapshot.Heater, snapshot.LastSeen, snapshot.RoomTemperature, snapshot.Power, snapshot.EnergyCounter));
        Assert.Equal(seen, snapshot.LastSeen);
        Assert.Equal(seen.Offset, snapshot.LastSeen!.Value.Offset);
        var scheduler = remote.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);
        var job = await scheduler.GetJob("job-1");
        Assert.Equal((spec.Deadline, new CoreSeconds(5400), JobState.Queued), (job!.Deadline, job.Work, job.State));
        ImmutableArray<GreenCompute.Grains.Scheduling.TaskStatus> tasks = await scheduler.GetTasks("job-1");
        Assert.Equal(3, tasks.Length);
        Assert.Equal((await direct.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey).GetTasks("job-1")).ToArray(), tasks.ToArray());
        Assert.Null(await scheduler.GetJob("no-such-job"));
        Assert.Empty(await scheduler.GetTasks("no-such-job"));
        var comfort = ComfortScheduleDefinition.From(ComfortSchedule.Default(TimeSpan.Zero));
        await remote.GetGrain<IHeaterNodeGrain>("n1").SetComfortSchedule(comfort);
        Assert.Equal(JsonSerializer.Serialize(comfort), JsonSerializer.Serialize(await direct.GetGrain<IHeaterNodeGrain>("n1").GetComfortSchedule()));
        Assert.Empty(gateway.Silo.Errors);
    }

    [Fact]
    public async Task GrainException_ComesBackAsProblemDetailsWithItsMessage_AndAsTheSameTypeThroughTheClient()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var expected = await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.Silo.Host.GetGrain<ISiteGrain>("nowhere").GetRegistration());

        var response = await gateway.PostAsync("ISiteGrain/nowhere/GetRegistration", "[]");
        var remote = await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.Grains.GetGrain<ISiteGrain>("nowhere").GetRegistration());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(expected.Message, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(typeof(InvalidOperationException).FullName, problem.RootElement.GetProperty("exceptionType").GetString());
        Assert.DoesNotContain(" at GreenCompute", body, StringComparison.Ordinal);
        Assert.Equal(expected.Message, remote.Message);
    }

    [Fact]
    public async Task Ticks_LongPoll_AnswersAtTheNextStep()
    {
        await using var gateway = await GatewayFixture.StartAsync();
        var first = await gateway.Client.WaitForStepAsync(-1);

        var waiting = gateway.Client.WaitForStepAsync(first.Steps);
        gateway.Backend.Ticks.Publish();
        var next = await waiting;

        Assert.Equal(0, first.Steps);
        Assert.Equal(1, next.Steps);
        Assert.Equal(SiloFixture.Start, next.Now);
        var info = await gateway.Client.GetInfoAsync();
        Assert.Equal(("DE", SiloFixture.Heater), (info.Zone, info.Heater));
    }

    [Fact]
    public async Task GatewayDown_ClientSaysTheSiloIsUnreachable()
    {
        var gateway = await GatewayFixture.StartAsync();
        var address = gateway.Server.BaseAddress;
        await gateway.Server.DisposeAsync();
        try
        {
            var e = await Assert.ThrowsAsync<SiloUnreachableException>(() => gateway.Grains.GetGrain<ISiteGrain>("site-1").GetRegistration());
            Assert.Contains(address.ToString(), e.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<SiloUnreachableException>(() => gateway.Client.GetInfoAsync());
        }
        finally
        {
            gateway.Client.Dispose();
            await gateway.Silo.DisposeAsync();
        }
    }
}
