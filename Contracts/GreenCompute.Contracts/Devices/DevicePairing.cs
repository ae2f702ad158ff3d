using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Contracts.Devices;

/// <summary>A registry entry: node id (bytes32), the device's signing address, the host's payout address, pairing time.</summary>
public sealed record DevicePairing(byte[] NodeId, Address Device, Address Payout, DateTimeOffset PairedAt);
