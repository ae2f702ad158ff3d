using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Silo.Configuration;
using GreenCompute.Silo.Mqtt;
using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Pairing;

/// <summary>
/// The web host's one MQTT broker, on loopback (<see cref="WebOptions.MqttPort"/>, 1883 by default): paired devices sign
/// in with their node id and the password they got at pairing; the co-hosted silo's fleet link joins it
/// (<see cref="SharedBroker"/>) with its simulated devices and service accounts, and its ingest routes every device's
/// telemetry and events to the grains and sends every device its commands. Every device account, paired or simulated,
/// may use only its own topics (<see cref="MqttDeviceAcl"/>). Started before the silo; stopped after it.
/// </summary>
internal sealed partial class MqttEndpoint(WebOptions options, PairingStore store, ILogger<MqttEndpoint> logger)
    : IHostedService, IMqttBrokerAuthenticator, IAsyncDisposable
{
    private SharedBroker? _broker;

    public string Host => "127.0.0.1";

    public int Port => _broker?.Port ?? options.MqttPort;

    /// <summary>The running broker the silo's fleet link joins; null when there is none (<c>--mqtt-port -1</c>).</summary>
    public SharedBroker? Broker => _broker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MqttPort < 0)
        {
            return;
        }

        var broker = new SharedBroker(Host, options.MqttPort, options.Buildings * options.RoomsPerBuilding, this);
        try
        {
            await broker.StartAsync(cancellationToken);
        }
        catch (SocketException e)
        {
            await broker.DisposeAsync();
            throw new ConfigurationException("--mqtt-port", $"{options.MqttPort} cannot be used ({e.SocketErrorCode}).", "pick a free port, e.g. --mqtt-port 11883, or -1 for no broker.");
        }

        _broker = broker;
        LogListening(logger, Host, Port);
    }

    /// <summary>Paired devices' accounts; the fleet's own (simulated devices, service users) are the fleet link's to check.</summary>
    public ValueTask<MqttReasonCode> AuthenticateAsync(string clientId, string? userName, ReadOnlyMemory<byte>? password, CancellationToken cancellationToken)
    {
        // The silo's service users have every topic: a paired account may never carry their names.
        if (userName is null || password is not { } bytes || FleetCredentials.ServiceUsers.Contains(userName))
        {
            return ValueTask.FromResult(MqttReasonCode.BadUserNameOrPassword);
        }

        var text = Encoding.UTF8.GetString(bytes.Span);
        var ok = store.FindByNode(userName)?.MqttPasswordHash is { } hash
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(PairingService.HashPassword(text)), Encoding.ASCII.GetBytes(hash));
        return ValueTask.FromResult(ok ? MqttReasonCode.Success : MqttReasonCode.BadUserNameOrPassword);
    }

    /// <summary>Nothing: the broker outlives the silo's stop (its clients disconnect first) and goes in <see cref="DisposeAsync"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
            _broker = null;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "MQTT broker for paired and simulated devices on {Host}:{Port}")]
    private static partial void LogListening(ILogger logger, string host, int port);
}
