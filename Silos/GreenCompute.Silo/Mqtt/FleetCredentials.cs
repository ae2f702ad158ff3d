using System.Security.Cryptography;
using System.Text;
using GreenCompute.Mqtt.Broker;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// Per-device MQTT credentials for the simulated fleet: user name = node id (what <see cref="MqttDeviceAcl"/> checks),
/// password = HMAC-SHA256 of the user name under a secret drawn anew for each run, so one device's password opens no
/// other account. The service accounts (<see cref="SiloUser"/>, <see cref="FeederUser"/>) get passwords the same way.
/// As the embedded broker's authenticator it accepts only known users with their own password.
/// </summary>
internal sealed class FleetCredentials : IMqttBrokerAuthenticator
{
    public const string SiloUser = "silo";
    public const string FeederUser = "feeder";

    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly HashSet<string> _users;

    public FleetCredentials(IEnumerable<string> nodeIds)
    {
        _users = new HashSet<string>(nodeIds, StringComparer.Ordinal) { SiloUser, FeederUser };
    }

    /// <summary>The accounts that may use every topic (the device ACL's service users).</summary>
    public static IReadOnlyList<string> ServiceUsers { get; } = [SiloUser, FeederUser];

    public string PasswordOf(string userName) => Convert.ToHexString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(userName)));

    public ValueTask<MqttReasonCode> AuthenticateAsync(string clientId, string? userName, ReadOnlyMemory<byte>? password, CancellationToken cancellationToken)
    {
        if (userName is null || !_users.Contains(userName) || password is not { } given)
        {
            return ValueTask.FromResult(MqttReasonCode.BadUserNameOrPassword);
        }

        var expected = Encoding.UTF8.GetBytes(PasswordOf(userName));
        return ValueTask.FromResult(CryptographicOperations.FixedTimeEquals(expected, given.Span)
            ? MqttReasonCode.Success
            : MqttReasonCode.BadUserNameOrPassword);
    }
}
