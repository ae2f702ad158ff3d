using System.Net;
using GreenCompute.Silo.Gateway;

namespace GreenCompute.Web.Hosting;

/// <summary>
/// A page or API call that needed a separate silo which does not answer gets a 503 that says so (a short page, or
/// problem details under /api), never an error page with a stack.
/// </summary>
internal sealed partial class SiloUnreachablePage(RequestDelegate next, ILogger<SiloUnreachablePage> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (SiloUnreachableException e) when (!context.Response.HasStarted)
        {
            LogUnreachable(logger, context.Request.Path, e.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: 503, title: "Silo unreachable", detail: e.Message).ExecuteAsync(context);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(
                $"<!doctype html><title>Silo unreachable</title><h1>Silo unreachable</h1><p>{WebUtility.HtmlEncode(e.Message)}</p>"
                + "<p>This page works again as soon as the silo answers. <a href=\"/\">Home</a></p>");
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Path}: {Problem}")]
    private static partial void LogUnreachable(ILogger logger, string path, string problem);
}
