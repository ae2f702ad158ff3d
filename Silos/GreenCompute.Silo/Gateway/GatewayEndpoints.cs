using System.Text.Json;
using GreenCompute.Ethereum.Hex;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace GreenCompute.Silo.Gateway;

/// <summary>
/// The gateway's HTTP surface under <c>/gateway/v1</c> (all behind <see cref="UseGatewayToken"/>):
/// <c>POST grains/{interface}/{key}/{method}</c> with a JSON array of arguments → 200 with the JSON result (204 for a
/// plain Task); <c>GET silo</c>; <c>GET ticks?after=N</c> (long poll); <c>POST history/room-chart</c>,
/// <c>POST history/daily-energy</c>; <c>POST devices</c>. Errors are problem details.
/// </summary>
internal static partial class GatewayEndpoints
{
    public const string Prefix = "/gateway/v1";

    /// <summary>How long a ticks request waits for a step before answering with the same count.</summary>
    public static readonly TimeSpan TicksHold = TimeSpan.FromSeconds(20);

    /// <summary>Refuses (401) every request without the bearer token, before anything is read or called.</summary>
    public static IApplicationBuilder UseGatewayToken(this IApplicationBuilder app, GatewayToken token) =>
        app.Use(async (context, next) =>
        {
            if (!token.Accepts(context.Request.Headers.Authorization))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Problem(statusCode: 401, title: "Missing or wrong gateway token").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

    public static IEndpointRouteBuilder MapSiloGateway(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix);
        group.MapPost("/grains/{grain}/{key}/{method}", CallGrainAsync);
        group.MapGet("/silo", (IGatewayBackend silo) => Results.Json(silo.Info, GatewayJson.Options));
        group.MapGet("/ticks", async (long? after, IGatewayBackend silo, CancellationToken ct) =>
        {
            await silo.Ticks.WaitAfterAsync(after ?? -1, TicksHold, ct).ConfigureAwait(false);
            return Results.Json(silo.Clock, GatewayJson.Options);
        });
        group.MapPost("/history/room-chart", async (HttpRequest request, IGatewayBackend silo) =>
            await ReadAsync<RoomChartRequest>(request).ConfigureAwait(false) is { } q
                ? Results.Json(await silo.History.RoomChartAsync(q.NodeId, q.Zone, q.To, q.Window, request.HttpContext.RequestAborted).ConfigureAwait(false), GatewayJson.Options)
                : BadBody());
        group.MapPost("/history/daily-energy", async (HttpRequest request, IGatewayBackend silo) =>
            await ReadAsync<DailyEnergyRequest>(request).ConfigureAwait(false) is { } q
                ? Results.Json(await silo.History.DailyEnergyAsync(q.Zone, q.GroupBy, q.From, q.To, request.HttpContext.RequestAborted, q.Only).ConfigureAwait(false), GatewayJson.Options)
                : BadBody());
        group.MapPost("/devices", async (HttpRequest request, IGatewayBackend silo) =>
        {
            if (await ReadAsync<DeviceRegistrationRequest>(request).ConfigureAwait(false) is not { } d
                || !Address.TryParse(d.Device, out var device) || !Address.TryParse(d.Payout, out var payout) || string.IsNullOrEmpty(d.NodeId))
            {
                return BadBody();
            }

            await silo.RegisterDeviceAsync(d.NodeId, device, payout).ConfigureAwait(false);
            return Results.NoContent();
        });
        return app;
    }

    private static async Task<IResult> CallGrainAsync(string grain, string key, string method, HttpRequest request, GrainDispatcher dispatcher, ILoggerFactory loggers)
    {
        JsonElement arguments;
        try
        {
            arguments = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, GatewayJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Results.Problem(statusCode: 400, title: "Bad arguments", detail: $"The body is not JSON: {e.Message}");
        }

        try
        {
            var (type, value) = await dispatcher.InvokeAsync(grain, key, method, arguments).ConfigureAwait(false);
            // Serialized as the method declares its result (not as the runtime type), the way the client reads it.
            return type is null ? Results.NoContent() : Results.Content(JsonSerializer.Serialize(value, type, GatewayJson.Options), "application/json");
        }
        catch (GatewayRequestException e)
        {
            return Results.Problem(statusCode: e.Status, title: e.Title, detail: e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The grain's own failure: the caller gets its type and message (no stack), the silo's log the whole of it.
            LogGrainFailed(loggers.CreateLogger(typeof(GatewayEndpoints)), e, grain, key, method);
            return Results.Problem(statusCode: 500, title: "The grain call failed", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["exceptionType"] = e.GetType().FullName });
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, GatewayJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult BadBody() => Results.Problem(statusCode: 400, title: "Bad request body", detail: "The body does not fit the request's JSON shape.");

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Gateway call {Grain}/{Key}/{Method} failed")]
    private static partial void LogGrainFailed(ILogger logger, Exception exception, string grain, string key, string method);
}
