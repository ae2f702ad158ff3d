using GreenCompute.Mqtt.Broker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GreenCompute.Silo.Content;

/// <summary>
/// GET / HEAD / PUT <c>/api/v1/content/{sha256}</c> over a <see cref="ContentStore"/>: any host (the silo's content server,
/// the Web host) maps it with <see cref="MapContentStore(IEndpointRouteBuilder)"/> after registering the store.
/// PUT answers 201 (stored) or 200 (already there); a body that does not hash to the name is refused with 422 and
/// changes nothing; a bad name is 400; too large is 413. GET streams the bytes (ranges allowed) with the hash as ETag.
/// Every method needs a device's credentials (<see cref="ContentAuthentication"/>): without them, or with wrong ones,
/// the answer is 401 and nothing is read or stored.
/// </summary>
public static class ContentStoreEndpoints
{
    public const string Route = "/api/v1/content/{sha256}";

    /// <summary>Registers the store in <paramref name="folder"/>, guarded by <paramref name="credentials"/> (the broker's authenticator).</summary>
    public static IServiceCollection AddContentStore(this IServiceCollection services, string folder, IMqttBrokerAuthenticator credentials) =>
        services.AddSingleton(new ContentStore(folder)).AddSingleton(new ContentAuthentication(credentials));

    /// <summary>Maps the endpoints onto the <see cref="ContentStore"/> registered with <see cref="AddContentStore"/>.</summary>
    public static IEndpointRouteBuilder MapContentStore(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var store = endpoints.ServiceProvider.GetRequiredService<ContentStore>();
        var authentication = endpoints.ServiceProvider.GetRequiredService<ContentAuthentication>();
        endpoints.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], async (string sha256, HttpRequest request, CancellationToken cancellationToken) =>
        {
            if (await authentication.CheckAsync(request, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            if (!ContentStore.IsValidName(sha256))
            {
                return Results.Problem($"'{sha256}' is not a SHA-256 content name (64 hex digits)", statusCode: StatusCodes.Status400BadRequest);
            }

            return store.Find(sha256) is { } file
                ? Results.File(file.FullName, "application/octet-stream", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{sha256.ToLowerInvariant()}\""),
                    enableRangeProcessing: true)
                : Results.NotFound();
        });
        endpoints.MapPut(Route, async (string sha256, HttpRequest request, CancellationToken cancellationToken) =>
        {
            // Before the body is read: an unauthenticated upload stores nothing.
            if (await authentication.CheckAsync(request, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var result = await store.PutAsync(sha256, request.Body, cancellationToken).ConfigureAwait(false);
            return result.Outcome switch
            {
                "stored" => Results.Created($"/api/v1/content/{sha256.ToLowerInvariant()}", null),
                "present" => Results.Ok(),
                "bad-name" => Results.Problem($"'{sha256}' is not a SHA-256 content name (64 hex digits)", statusCode: StatusCodes.Status400BadRequest),
                "too-large" => Results.Problem($"the body is larger than {store.MaxBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge),
                _ => Results.Problem($"the body's SHA-256 is {result.ActualHash}, not {sha256}: nothing stored",
                    statusCode: StatusCodes.Status422UnprocessableEntity),
            };
        });
        return endpoints;
    }
}
