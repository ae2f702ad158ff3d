namespace GreenCompute.EdgeAgent.Messaging;

/// <summary>Where the agent's MQTT broker is and how it signs in (from pairing or the command line).</summary>
internal sealed record BrokerEndpoint(string Host, int Port, string? UserName, string? Password);
