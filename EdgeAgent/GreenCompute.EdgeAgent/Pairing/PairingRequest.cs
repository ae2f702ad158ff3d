namespace GreenCompute.EdgeAgent.Pairing;

/// <summary>POST /api/v1/pairing/requests: the claim code shown on the terminal, the device key's address and the heater's size.</summary>
internal sealed record PairingRequest(string ClaimCode, string DeviceAddress, int Cores, double MaxPowerW, string AgentVersion);
