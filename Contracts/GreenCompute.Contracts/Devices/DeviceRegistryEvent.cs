using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;

namespace GreenCompute.Contracts.Devices;

/// <summary>
/// A DeviceRegistry event: DevicePaired (Payout set), DeviceUnpaired (Payout null), or PayoutChanged (Device null;
/// Payout the new address).
/// </summary>
public sealed record DeviceRegistryEvent(string Name, byte[] NodeId, Address? Device, Address? Payout, LogEntry Log);
