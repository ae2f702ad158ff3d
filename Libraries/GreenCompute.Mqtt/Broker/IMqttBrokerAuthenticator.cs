using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Broker;

/// <summary>Decides whether a CONNECT is accepted. Called once per connection, before any session state is touched.</summary>
public interface IMqttBrokerAuthenticator
{
    /// <returns>
    /// <see cref="MqttReasonCode.Success"/> to accept; otherwise a CONNACK reason code such as BadUserNameOrPassword or
    /// NotAuthorized (mapped to the 3.1.1 return codes 4 and 5 for MQTT 3.1.1 clients).
    /// </returns>
    ValueTask<MqttReasonCode> AuthenticateAsync(string clientId, string? userName, ReadOnlyMemory<byte>? password, CancellationToken cancellationToken);
}
