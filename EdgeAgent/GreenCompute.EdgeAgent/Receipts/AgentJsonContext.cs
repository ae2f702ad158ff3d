using System.Text.Json.Serialization;
using GreenCompute.EdgeAgent.Pairing;

namespace GreenCompute.EdgeAgent.Receipts;

/// <summary>Source-generated JSON for the agent's own documents: pairing requests and answers, stored credentials.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PairingRequest))]
[JsonSerializable(typeof(PairingAnswer))]
[JsonSerializable(typeof(AgentCredentials))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
