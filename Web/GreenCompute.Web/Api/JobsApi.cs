namespace GreenCompute.Web.Api;

/// <summary>The REST API for HPC customers (API-key authentication).</summary>
internal static class JobsApi
{
    public static void MapJobsApi(this IEndpointRouteBuilder app)
    {
        _ = app;
    }
}
