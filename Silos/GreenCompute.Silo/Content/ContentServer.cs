using GreenCompute.Mqtt.Broker;
using GreenCompute.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GreenCompute.Silo.Content;

/// <summary>
/// The content store on its own small Kestrel server bound to loopback (the silo's; the Web host maps the same endpoints
/// into its own app). Port 0 picks a free port; <see cref="BaseAddress"/> says which. Devices sign in with their MQTT
/// credentials (see <see cref="ContentAuthentication"/>).
/// </summary>
public sealed class ContentServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ContentServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ContentStore Store => _app.Services.GetRequiredService<ContentStore>();

    /// <summary>Serves the store in <paramref name="folder"/> to the devices <paramref name="credentials"/> (the broker's authenticator) accepts.</summary>
    public static async Task<ContentServer> StartAsync(string folder, IMqttBrokerAuthenticator credentials, int port = 0, CancellationToken cancellationToken = default)
    {
        var (app, address) = await LoopbackApp.StartAsync(port, s => s.AddContentStore(folder, credentials), a => a.MapContentStore(), cancellationToken).ConfigureAwait(false);
        return new ContentServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
