namespace GreenCompute.EdgeAgent.Pairing;

/// <summary>What pairing gave the agent, kept in its state folder (credentials.json, mode 0600).</summary>
internal sealed record AgentCredentials(string NodeId, string? SiteId, string? RoomId, string Host, int Port, string? Username, string? Password);
