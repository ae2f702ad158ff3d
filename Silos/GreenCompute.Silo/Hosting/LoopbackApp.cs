using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GreenCompute.Silo.Hosting;

/// <summary>A small Kestrel app of the silo's, bound to 127.0.0.1 only, quiet unless given logging; port 0 picks a free port.</summary>
internal static class LoopbackApp
{
    /// <summary>Builds, maps and starts the app; returns it with its base address (ending in a slash).</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(
        int port, Action<IServiceCollection> services, Action<WebApplication> map, CancellationToken cancellationToken, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Services.AddSingleton<IHostLifetime, NoSignalsLifetime>();
        services(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
