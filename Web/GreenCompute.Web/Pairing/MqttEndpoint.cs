using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Silo.Configuration;
using GreenCompute.Silo.Mqtt;
using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Pairing;

/// <summary>
/// The embedded MQTT broker for paired devices, on loopback (<see cref="WebOptions.MqttPort"/>, 1883 by default): a
/// device signs in with its node id and the password it got at pairing, and may use only its own topics
/// (<see cref="MqttDeviceAcl"/>); the silo's ingest (a service account with a password made at start) routes the
/// devices' telemetry and events to the grains, and commands for paired devices go out on it.
/// </summary>
internal sealed partial class MqttEndpoint(WebOptions options, PairingStore store, ISiloAccess silo, ILogger<MqttEndpoint> logger)
    : IHostedService, IMqttBrokerAuthenticator, IAsyncDisposable
{
    public const string ServiceUser = "silo";

    private readonly string _servicePassword = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
    private MqttBroker? _broker;
    private MqttIngest? _ingest;
    private MqttClient? _commands;

    public string Host => "127.0.0.1";

    public int Port => _broker?.Port ?? options.MqttPort;

    public MqttIngest? Ingest => _ingest;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MqttPort < 0)
        {
            return;
        }

        _broker = new MqttBroker(new MqttBrokerOptions
        {
            ListenAddress = Host,
            Port = options.MqttPort,
            Authenticator = this,
            Authorizer = new MqttDeviceAcl([ServiceUser]),
        });
        try
        {
            await _broker.StartAsync(cancellationToken);
        }
        catch (SocketException e)
        {
            throw new ConfigurationException("--mqtt-port", $"{options.MqttPort} cannot be used ({e.SocketErrorCode}).", "pick a free port, e.g. --mqtt-port 11883, or -1 for no broker.");
        }

        _ingest = new MqttIngest(ClientOptions("silo-ingest"), silo.Grains, logger);
        await _ingest.StartAsync(cancellationToken);
        _commands = new MqttClient(ClientOptions("silo-commands"));
        await _commands.ConnectAsync(cancellationToken);
        silo.PairedNodeCommands = new MqttCommandSink(_commands, logger);
        LogListening(logger, Host, Port);
    }

    public ValueTask<MqttReasonCode> AuthenticateAsync(string clientId, string? userName, ReadOnlyMemory<byte>? password, CancellationToken cancellationToken)
    {
        if (userName is null || password is not { } bytes)
        {
            return ValueTask.FromResult(MqttReasonCode.BadUserNameOrPassword);
        }

        var text = Encoding.UTF8.GetString(bytes.Span);
        bool ok;
        if (userName == ServiceUser)
        {
            ok = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(_servicePassword));
        }
        else
        {
            ok = store.FindByNode(userName)?.MqttPasswordHash is { } hash
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(PairingService.HashPassword(text)), Encoding.ASCII.GetBytes(hash));
        }

        return ValueTask.FromResult(ok ? MqttReasonCode.Success : MqttReasonCode.BadUserNameOrPassword);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_ingest is not null)
        {
            await _ingest.DisposeAsync();
            _ingest = null;
        }

        if (_commands is not null)
        {
            await _commands.DisposeAsync();
            _commands = null;
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
            _broker = null;
        }
    }

    private MqttClientOptions ClientOptions(string clientId) => new()
    {
        Host = Host,
        Port = Port,
        ClientId = clientId,
        UserName = ServiceUser,
        Password = _servicePassword,
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "MQTT broker for paired devices on {Host}:{Port}")]
    private static partial void LogListening(ILogger logger, string host, int port);
}
