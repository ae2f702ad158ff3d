using GreenCompute.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GreenCompute.Silo.Gateway;

/// <summary>
/// The silo's gateway for web hosts on its own Kestrel server, bound to 127.0.0.1 only (port 0 = a free port;
/// <see cref="BaseAddress"/> says which), every request checked against the <see cref="GatewayToken"/>.
/// </summary>
internal sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the gateway; with <paramref name="logToConsole"/>, grain calls that fail are logged (warnings) on the console.</summary>
    public static async Task<GatewayServer> StartAsync(IGatewayBackend backend, GatewayToken token, int port, bool logToConsole = false, CancellationToken cancellationToken = default)
    {
        var (app, address) = await LoopbackApp.StartAsync(
            port,
            services => services.AddSingleton(backend).AddSingleton(new GrainDispatcher(backend.Grains)),
            app =>
            {
                app.UseGatewayToken(token);
                app.MapSiloGateway();
            },
            cancellationToken,
            logToConsole ? l => l.AddSimpleConsole().AddFilter("Microsoft", LogLevel.Warning).SetMinimumLevel(LogLevel.Warning) : null).ConfigureAwait(false);
        return new GatewayServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
