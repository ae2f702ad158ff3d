namespace GreenCompute.Web.Accounts;

/// <summary>An account signed in with a one-time password may only change it (or sign out) until it has.</summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(c => c.Type == AccountService.MustChangeClaim)
            && !path.StartsWithSegments("/account/password") && !path.StartsWithSegments("/logout") && !path.StartsWithSegments("/lib")
            && !path.StartsWithSegments("/site.css"))
        {
            context.Response.Redirect("/account/password");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
