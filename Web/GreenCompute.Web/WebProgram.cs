using GreenCompute.Silo.Configuration;
using GreenCompute.Web.Accounts;
using GreenCompute.Web.Api;
using GreenCompute.Web.Components;
using GreenCompute.Web.Hosting;
using GreenCompute.Web.Live;
using GreenCompute.Web.Pairing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GreenCompute.Web;

/// <summary>Builds the web host: dashboard pages, REST API, live endpoints, accounts, and the co-hosted silo.</summary>
internal static class WebProgram
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(WebArguments.Usage);
            return 0;
        }

        await using var app = Create(args, output);
        try
        {
            await app.StartAsync();
        }
        catch (ConfigurationException e)
        {
            await errors.WriteLineAsync($"Cannot start: {e.Message}");
            return 2;
        }

        app.Services.GetRequiredService<ConsoleNotices>().Write($"GreenCompute is serving at {string.Join(", ", Addresses(app))} (Ctrl+C stops)");
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>The configured app, not started. <paramref name="contentRoot"/> lets tests serve this project's wwwroot.</summary>
    public static WebApplication Create(string[] args, TextWriter output, string? contentRoot = null)
    {
        var normalized = WebArguments.Normalize(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = normalized, ContentRootPath = contentRoot });
        builder.Configuration.AddCommandLine(normalized, WebArguments.SwitchMappings);
        // The framework's per-request information lines drown the console; its warnings and errors, and ours, stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(WebOptions.DefaultUrl);
        }

        var options = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new ConsoleNotices(output));
        services.AddSingleton<FleetTicks>();
        // The broker first: the co-hosted silo's simulated agents join it (one MQTT port for the whole host).
        services.AddSingleton<MqttEndpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttEndpoint>());
        if (options.SiloUrl is null)
        {
            services.AddSingleton<CoHostedSilo>();
            services.AddSingleton<ISiloAccess>(sp => sp.GetRequiredService<CoHostedSilo>());
            services.AddHostedService(sp => sp.GetRequiredService<CoHostedSilo>());
        }
        else
        {
            services.AddSingleton<RemoteSilo>();
            services.AddSingleton<ISiloAccess>(sp => sp.GetRequiredService<RemoteSilo>());
            services.AddHostedService(sp => sp.GetRequiredService<RemoteSilo>());
            // Paired devices' messages on this host's broker go to the separate silo's grains.
            services.AddHostedService<RemoteDeviceIngest>();
        }

        services.AddSingleton(new UserStore(options.UsersFile ?? "greencompute-users.db"));
        services.AddSingleton<AccountService>();
        services.AddSingleton<Access>();
        services.AddHostedService<AccountBootstrap>();
        services.AddSingleton<FragmentRenderer>();
        services.AddSingleton<GreenCompute.Web.Jobs.JobService>();
        services.AddSingleton<GreenCompute.Web.Earnings.HostEarnings>();
        services.AddSingleton<GreenCompute.Web.Receipts.EpochIndex>();
        services.AddSingleton<GreenCompute.Web.Fleet.FleetIndex>();
        services.AddHostedService(sp => sp.GetRequiredService<GreenCompute.Web.Fleet.FleetIndex>());
        var usersFile = options.UsersFile ?? "greencompute-users.db";
        services.AddSingleton(new PairingStore(usersFile));
        services.AddSingleton<GuessLimiter>();
        services.AddSingleton<PairingService>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.Cookie.Name = "gc.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api"))
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    }

                    // A page the role may not open: 403 with a short page, not a redirect.
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    context.Response.ContentType = "text/html; charset=utf-8";
                    return context.Response.WriteAsync("<!doctype html><title>Forbidden</title><p>Your role may not open this page. <a href=\"/\">Home</a></p>");
                };
                o.Events.OnRedirectToLogin = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/live") || context.Request.Path.StartsWithSegments("/data") || context.Request.Path.StartsWithSegments("/api"))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(o => o.Cookie.Name = "gc.af");
        services.AddRazorComponents();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseMiddleware<SiloUnreachablePage>();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAccountEndpoints();
        app.MapLiveEndpoints();
        app.MapJobsApi();
        app.MapPairingApi();
        app.MapRazorComponents<App>();
        return app;
    }

    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
}
