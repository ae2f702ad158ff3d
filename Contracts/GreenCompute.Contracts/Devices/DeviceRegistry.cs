using System.Numerics;
using GreenCompute.Contracts.Artifacts;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;

namespace GreenCompute.Contracts.Devices;

/// <summary>
/// Binding of DeviceRegistry.sol: device signing address ↔ node id ↔ host payout address, written by a REGISTRAR.
/// Re-pairing a node to a new device unpairs the old one; a device paired to another node must be unpaired first.
/// </summary>
public sealed class DeviceRegistry
{
    private readonly DeployedContract _contract;

    private DeviceRegistry(DeployedContract contract) => _contract = contract;

    public Address Address => _contract.Address;

    public IReadOnlyList<AbiError> Errors => _contract.Errors;

    public static DeviceRegistry At(Address address, TransactionSender sender) =>
        new(new DeployedContract(ContractArtifact.DeviceRegistry, address, sender, ContractArtifact.DeviceRegistry.Errors));

    public static async Task<DeviceRegistry> DeployAsync(TransactionSender sender, Address admin, Address registrar, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var artifact = ContractArtifact.DeviceRegistry;
        return At(await DeployedContract.DeployAsync(artifact, sender, artifact.Errors, cancellationToken, admin, registrar).ConfigureAwait(false), sender);
    }

    public DeviceRegistry Connect(TransactionSender sender) => new(_contract.Connect(sender));

    /// <exception cref="ContractRevertedException">DeviceAlreadyPaired, ZeroNodeId, ZeroAddress, AccessControlUnauthorizedAccount.</exception>
    public Task<TransactionReceipt> PairAsync(byte[] nodeId, Address device, Address payout, CancellationToken cancellationToken = default) =>
        _contract.SendAsync("pair", cancellationToken, nodeId, device, payout);

    public Task<TransactionReceipt> UnpairAsync(byte[] nodeId, CancellationToken cancellationToken = default) =>
        _contract.SendAsync("unpair", cancellationToken, nodeId);

    public Task<TransactionReceipt> SetPayoutAsync(byte[] nodeId, Address payout, CancellationToken cancellationToken = default) =>
        _contract.SendAsync("setPayout", cancellationToken, nodeId, payout);

    /// <summary>The node's pairing, or null when it is not paired.</summary>
    public async Task<DevicePairing?> GetByNodeAsync(byte[] nodeId, CancellationToken cancellationToken = default) =>
        ToPairing((await _contract.CallAsync("getByNode", cancellationToken, nodeId).ConfigureAwait(false))[0]);

    /// <summary>The pairing a device signing address belongs to, or null when it is not paired.</summary>
    public async Task<DevicePairing?> GetByDeviceAsync(Address device, CancellationToken cancellationToken = default) =>
        ToPairing((await _contract.CallAsync("getByDevice", cancellationToken, device).ConfigureAwait(false))[0]);

    public async Task<bool> HasRoleAsync(byte[] role, Address account, CancellationToken cancellationToken = default) =>
        (bool)(await _contract.CallAsync("hasRole", cancellationToken, role, account).ConfigureAwait(false))[0]!;

    /// <summary>DevicePaired, DeviceUnpaired and PayoutChanged events of a receipt, in log order.</summary>
    public IReadOnlyList<DeviceRegistryEvent> DecodeEvents(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var paired = _contract.DecodeLogs(receipt.Logs, "DevicePaired")
            .Select(e => new DeviceRegistryEvent("DevicePaired", (byte[])e.Values[0]!, (Address)e.Values[1]!, (Address)e.Values[2]!, e.Log));
        var unpaired = _contract.DecodeLogs(receipt.Logs, "DeviceUnpaired")
            .Select(e => new DeviceRegistryEvent("DeviceUnpaired", (byte[])e.Values[0]!, (Address)e.Values[1]!, null, e.Log));
        var payout = _contract.DecodeLogs(receipt.Logs, "PayoutChanged")
            .Select(e => new DeviceRegistryEvent("PayoutChanged", (byte[])e.Values[0]!, null, (Address)e.Values[2]!, e.Log));
        return [.. paired.Concat(unpaired).Concat(payout).OrderBy(e => e.Log.LogIndex)];
    }

    private static DevicePairing? ToPairing(object? value)
    {
        var fields = (object?[])value!;
        var device = (Address)fields[1]!;
        return device == Address.Zero
            ? null
            : new DevicePairing((byte[])fields[0]!, device, (Address)fields[2]!, DateTimeOffset.FromUnixTimeSeconds((long)(BigInteger)fields[3]!));
    }
}
