using GreenCompute.Mqtt.Client;
using GreenCompute.Silo.Mqtt;
using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Pairing;

/// <summary>
/// With a separate silo (<c>--silo</c>): paired devices still connect to this host's broker
/// (<see cref="MqttEndpoint"/>), and this ingest, a service account of its own on that broker, routes their telemetry,
/// events and receipts to the separate silo's grains through its gateway. Commands from that silo do not reach them yet
/// (the silo has no route to this broker).
/// </summary>
internal sealed class RemoteDeviceIngest(MqttEndpoint endpoint, ISiloAccess silo, FleetTicks ticks, ILogger<RemoteDeviceIngest> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly FleetCredentials _service = new([]);
    private MqttIngest? _ingest;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (endpoint.Broker is not { } broker)
        {
            return;
        }

        broker.AddAccounts(_service);
        _ingest = new MqttIngest(
            new MqttClientOptions
            {
                Host = endpoint.Host,
                Port = endpoint.Port,
                ClientId = "remote-silo-ingest",
                UserName = FleetCredentials.SiloUser,
                Password = _service.PasswordOf(FleetCredentials.SiloUser),
            },
            silo.Grains,
            logger);
        _ingest.NodeApplied = (_, nodeId) => ticks.PublishNode(nodeId);
        await _ingest.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_ingest is not null)
        {
            await _ingest.DisposeAsync();
            _ingest = null;
        }
    }
}
