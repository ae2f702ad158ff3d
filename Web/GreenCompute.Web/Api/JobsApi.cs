using System.Security.Claims;
using GreenCompute.Web.Accounts;
using GreenCompute.Web.Jobs;

namespace GreenCompute.Web.Api;

/// <summary>
/// The REST API for HPC customers, <c>/api/v1/jobs</c>: API-key authentication (<c>Authorization: Bearer gck_…</c>),
/// problem-details errors (400 with errors by field, 401, 403, 404), described in <c>/openapi/v1.json</c>.
/// </summary>
internal static class JobsApi
{
    public static void MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireRole(Roles.Customer))
            .WithTags("jobs");

        jobs.MapGet("/", async (ClaimsPrincipal user, JobService service) => TypedResults.Ok(await service.ListAsync(user)))
            .WithName("ListJobs").WithSummary("Your jobs, newest first.");

        jobs.MapPost("/", async (JobRequest request, ClaimsPrincipal user, JobService service) =>
            {
                var (jobId, errors) = await service.SubmitAsync(user, request);
                return jobId is null
                    ? Results.ValidationProblem(errors, title: "The job was not accepted")
                    : Results.Created($"/api/v1/jobs/{jobId}", await service.GetAsync(user, jobId));
            })
            .WithName("SubmitJob").WithSummary("Submits a job; every problem comes back by field and nothing is queued.")
            .Produces<JobView>(StatusCodes.Status201Created).ProducesValidationProblem();

        jobs.MapPost("/estimate", async (JobRequest request, ClaimsPrincipal user, JobService service) =>
            {
                var (spec, errors) = service.ToSpec(user, request);
                return spec is null ? Results.ValidationProblem(errors, title: "The job is not valid") : Results.Ok(await service.QuoteAsync(spec));
            })
            .WithName("EstimateJob").WithSummary("Cost and completion estimate of a job, without submitting it.")
            .Produces<JobQuote>().ProducesValidationProblem();

        jobs.MapGet("/{jobId}", async (string jobId, ClaimsPrincipal user, JobService service) =>
                await service.GetAsync(user, jobId) is { } view ? Results.Ok(view) : NotFound(jobId))
            .WithName("GetJob").WithSummary("A job's status, tasks and bill.")
            .Produces<JobView>().ProducesProblem(StatusCodes.Status404NotFound);

        jobs.MapPost("/{jobId}/cancel", async (string jobId, ClaimsPrincipal user, JobService service) =>
                await service.CancelAsync(user, jobId) switch
                {
                    null => NotFound(jobId),
                    "" => Results.Ok(await service.GetAsync(user, jobId)),
                    var refusal => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job cannot be cancelled", detail: refusal),
                })
            .WithName("CancelJob").WithSummary("Cancels a job: queued tasks at once, running ones at their node's next command.")
            .Produces<JobView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        jobs.MapGet("/{jobId}/results", async (string jobId, ClaimsPrincipal user, JobService service) =>
                await service.GetAsync(user, jobId) is { } view
                    ? Results.Ok(view.TaskList.Where(t => t.OutputSha256 is not null).Select(t => new { t.TaskId, t.OutputSha256 }))
                    : NotFound(jobId))
            .WithName("GetJobResults").WithSummary("The outputs of the finished tasks with their SHA-256 hashes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult NotFound(string jobId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job", detail: $"There is no job '{jobId}' of yours.");
}
