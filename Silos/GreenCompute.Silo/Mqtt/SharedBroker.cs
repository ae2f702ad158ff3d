using System.Collections.Concurrent;
using System.Collections.Immutable;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// One embedded broker that a host runs for its own devices and lends to the simulated fleet's <see cref="MqttFleetLink"/>,
/// so the process listens on one MQTT port: the host gives the accounts it knows (paired devices) at start, the link
/// adds the fleet's (<see cref="FleetCredentials"/>: simulated devices and the silo's service users) when it joins. A
/// client is accepted when one of them accepts it; every account is under the device ACL, the fleet's service users
/// excepted. A client id belongs to the account that first used it, so no device can take over another account's
/// session (the silo's ingest, say) by connecting with its client id. The host owns the broker's life; the link never stops it.
/// </summary>
internal sealed class SharedBroker : IMqttBrokerAuthenticator, IAsyncDisposable
{
    private readonly MqttBroker _broker;
    private readonly ConcurrentDictionary<string, string> _ownerOf = new(StringComparer.Ordinal);
    private ImmutableArray<IMqttBrokerAuthenticator> _accounts;

    /// <summary>Listens on <paramref name="host"/>:<paramref name="port"/> (0: a free port) for <paramref name="accounts"/>; <paramref name="fleetSize"/> sizes the per-session queue for the fleet's burst each step.</summary>
    public SharedBroker(string host, int port, int fleetSize, IMqttBrokerAuthenticator accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _accounts = [accounts];
        Host = host;
        _broker = new MqttBroker(MqttFleetLink.BrokerOptions(host, port, fleetSize, this));
    }

    public string Host { get; }

    public int Port => _broker.Port;

    public Task StartAsync(CancellationToken cancellationToken = default) => _broker.StartAsync(cancellationToken);

    /// <summary>Adds accounts (the fleet link's credentials when it joins).</summary>
    public void AddAccounts(IMqttBrokerAuthenticator accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        // First: a fleet of thousands signs in at start, and its check is in memory (the host's may read a database).
        ImmutableInterlocked.Update(ref _accounts, a => a.Insert(0, accounts));
    }

    public async ValueTask<MqttReasonCode> AuthenticateAsync(string clientId, string? userName, ReadOnlyMemory<byte>? password, CancellationToken cancellationToken)
    {
        foreach (var accounts in _accounts)
        {
            if (await accounts.AuthenticateAsync(clientId, userName, password, cancellationToken) == MqttReasonCode.Success)
            {
                return _ownerOf.GetOrAdd(clientId, userName!) == userName ? MqttReasonCode.Success : MqttReasonCode.NotAuthorized;
            }
        }

        return MqttReasonCode.BadUserNameOrPassword;
    }

    public ValueTask DisposeAsync() => _broker.DisposeAsync();
}
