using System.Globalization;

namespace GreenCompute.Web.Pairing;

/// <summary>
/// The agent's side of pairing (anonymous: the claim code is the secret). POST a request (202; 400 problem details;
/// idempotent for the same code and address; 409 when another address holds the code); GET its status (404 unknown,
/// 200 pending or paired; 429 for a client that guessed too many unknown codes).
/// </summary>
internal static class PairingApi
{
    public static void MapPairingApi(this IEndpointRouteBuilder app)
    {
        var pairing = app.MapGroup("/api/v1/pairing/requests").AllowAnonymous().WithTags("pairing");

        pairing.MapPost("/", (PairingRequest request, PairingService service) =>
            {
                var (outcome, errors) = service.Request(request);
                return outcome switch
                {
                    PairingService.RequestOutcome.Accepted => Results.Accepted($"/api/v1/pairing/requests/{ClaimCodes.Normalize(request.ClaimCode)}"),
                    PairingService.RequestOutcome.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Claim code taken",
                        detail: "Another device has asked to pair with this claim code: generate a new code on the agent."),
                    _ => Results.ValidationProblem(errors, title: "The pairing request is not valid"),
                };
            })
            .WithName("RequestPairing").WithSummary("An agent asks to be paired under its claim code.")
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        pairing.MapGet("/{claimCode}", (string claimCode, HttpContext context, PairingService service, GuessLimiter limiter) =>
            {
                var client = context.Connection.RemoteIpAddress;
                if (limiter.IsBlocked(client, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many unknown claim codes",
                        detail: "This address asked for too many unknown claim codes; try again later.");
                }

                if (service.Poll(claimCode) is { } status)
                {
                    return Results.Ok(status);
                }

                limiter.RecordMiss(client);
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown claim code");
            })
            .WithName("GetPairing").WithSummary("The agent polls until an installer has paired it; the broker password comes once.")
            .Produces<PairingStatus>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
