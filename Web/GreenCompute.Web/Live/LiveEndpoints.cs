using GreenCompute.Web.Accounts;
using GreenCompute.Web.Components.Shared;
using GreenCompute.Web.Hosting;
using GreenCompute.Web.Jobs;
using GreenCompute.Web.Pairing;

namespace GreenCompute.Web.Live;

/// <summary>
/// Server-sent events for htmx (<c>sse-swap</c>) and the JSON the charts draw. Same scoping as the pages: a site or
/// room outside the caller's scope is 404.
/// </summary>
internal static class LiveEndpoints
{
    public static void MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Manager)).ExcludeFromDescription();
        pages.MapGet("/live/sites/{siteId}", async (string siteId, HttpContext context, Access access, ISiloAccess silo, FleetTicks ticks, FragmentRenderer renderer) =>
        {
            if (!access.CanSeeSite(context.User, siteId))
            {
                return Results.NotFound();
            }

            var own = ticks.Site(siteId, (await silo.Site(siteId).GetRegistration()).NodeIds);
            await ServerSentEvents.StreamAsync(context, ticks, own, "rooms", async () =>
                await renderer.RenderAsync<SiteRooms>(new Dictionary<string, object?>
                {
                    [nameof(SiteRooms.Overview)] = await silo.Site(siteId).GetOverview(),
                    [nameof(SiteRooms.Now)] = silo.Now,
                }));
            return Results.Empty;
        });

        pages.MapGet("/live/rooms/{siteId}/{nodeId}", async (string siteId, string nodeId, HttpContext context, Access access, ISiloAccess silo, FleetTicks ticks, FragmentRenderer renderer) =>
        {
            if (await access.SiteOfNodeAsync(context.User, siteId, nodeId) is null)
            {
                return Results.NotFound();
            }

            await ServerSentEvents.StreamAsync(context, ticks, ticks.Node(nodeId), "room", async () =>
                await renderer.RenderAsync<RoomState>(new Dictionary<string, object?> { [nameof(RoomState.Node)] = await silo.Node(nodeId).GetSnapshot() }));
            return Results.Empty;
        });

        var customers = app.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Customer)).ExcludeFromDescription();
        customers.MapGet("/live/jobs", async (HttpContext context, JobService jobs, FleetTicks ticks, FragmentRenderer renderer) =>
            await ServerSentEvents.StreamAsync(context, ticks, "jobs", async () =>
                await renderer.RenderAsync<JobList>(new Dictionary<string, object?> { [nameof(JobList.Jobs)] = await jobs.ListAsync(context.User) })));
        customers.MapGet("/live/jobs/{jobId}", async (string jobId, HttpContext context, JobService jobs, FleetTicks ticks, FragmentRenderer renderer) =>
        {
            if (await jobs.GetAsync(context.User, jobId) is null)
            {
                return Results.NotFound();
            }

            await ServerSentEvents.StreamAsync(context, ticks, "job", async () =>
                await jobs.GetAsync(context.User, jobId) is { } job
                    ? await renderer.RenderAsync<JobDetail>(new Dictionary<string, object?> { [nameof(JobDetail.Job)] = job })
                    : "");
            return Results.Empty;
        });

        app.MapGet("/data/prices", async (ISiloAccess silo) =>
            {
                // The zone's price is the same for every room: any node's chart carries it.
                var chart = await silo.History.RoomChartAsync(silo.NodeIds[0], silo.Zone, silo.Now, TimeSpan.FromDays(1));
                return Results.Json(ChartSeries.PricesOnly(chart));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Operator)).ExcludeFromDescription();

        var installers = app.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Installer)).ExcludeFromDescription();
        installers.MapGet("/live/pairings/{nodeId}", async (string nodeId, HttpContext context, PairingStore pairings, ISiloAccess silo, FleetTicks ticks, FragmentRenderer renderer) =>
        {
            if (pairings.FindByNode(nodeId) is null)
            {
                return Results.NotFound();
            }

            await ServerSentEvents.StreamAsync(context, ticks, ticks.Node(nodeId), "commissioning", async () =>
                await renderer.RenderAsync<Commissioning>(new Dictionary<string, object?>
                {
                    [nameof(Commissioning.Node)] = await silo.Node(nodeId).GetSnapshot(),
                    [nameof(Commissioning.Now)] = silo.Now,
                }));
            return Results.Empty;
        });

        pages.MapGet("/data/rooms/{siteId}/{nodeId}/chart", async (string siteId, string nodeId, string? window, HttpContext context, Access access, ISiloAccess silo) =>
        {
            if (await access.SiteOfNodeAsync(context.User, siteId, nodeId) is null)
            {
                return Results.NotFound();
            }

            TimeSpan? span = window switch
            {
                null or "24h" => TimeSpan.FromDays(1),
                "7d" => TimeSpan.FromDays(7),
                _ => null,
            };
            if (span is null)
            {
                return Results.Problem(statusCode: 400, title: "Bad window", detail: "window is 24h or 7d.");
            }

            var chart = await silo.History.RoomChartAsync(nodeId, silo.Zone, silo.Now, span.Value);
            return Results.Json(ChartSeries.From(chart));
        });
    }
}
