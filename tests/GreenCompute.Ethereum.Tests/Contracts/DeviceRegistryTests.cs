using GreenCompute.Contracts;
using GreenCompute.Contracts.Devices;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Ethereum.Tests.JsonRpc;

namespace GreenCompute.Ethereum.Tests.Contracts;

public class DeviceRegistryTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly byte[] NodeA = Keccak256.HashUtf8("node-a");
    private static readonly byte[] NodeB = Keccak256.HashUtf8("node-b");

    private static Address HostPayout => AnvilFixture.AddressOf(2);

    [Fact]
    public async Task Pair_ByRegistrar_LookupsBothWaysAndEvent()
    {
        var registry = await DeployAsync();
        var device = PrivateKey.Generate().Address;

        var receipt = await registry.PairAsync(NodeA, device, HostPayout);

        var paired = Assert.Single(registry.DecodeEvents(receipt));
        Assert.Equal(("DevicePaired", device, HostPayout), (paired.Name, paired.Device!.Value, paired.Payout!.Value));
        Assert.Equal(NodeA, paired.NodeId);
        var byNode = await registry.GetByNodeAsync(NodeA);
        var byDevice = await registry.GetByDeviceAsync(device);
        Assert.NotNull(byNode);
        Assert.Equal(device, byNode.Device);
        Assert.Equal(HostPayout, byNode.Payout);
        Assert.Equal(NodeA, byDevice!.NodeId);
        Assert.Null(await registry.GetByNodeAsync(NodeB));
        Assert.Null(await registry.GetByDeviceAsync(PrivateKey.Generate().Address));
    }

    [Fact]
    public async Task Pair_NodeWithNewDevice_OldDeviceUnpaired()
    {
        var registry = await DeployAsync();
        var oldDevice = PrivateKey.Generate().Address;
        var newDevice = PrivateKey.Generate().Address;
        await registry.PairAsync(NodeA, oldDevice, HostPayout);

        var receipt = await registry.PairAsync(NodeA, newDevice, HostPayout);

        Assert.Equal(["DeviceUnpaired", "DevicePaired"], registry.DecodeEvents(receipt).Select(e => e.Name));
        Assert.Null(await registry.GetByDeviceAsync(oldDevice));
        Assert.Equal(newDevice, (await registry.GetByNodeAsync(NodeA))!.Device);
    }

    [Fact]
    public async Task Pair_DeviceOfAnotherNode_RevertsDeviceAlreadyPaired()
    {
        var registry = await DeployAsync();
        var device = PrivateKey.Generate().Address;
        await registry.PairAsync(NodeA, device, HostPayout);

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => registry.PairAsync(NodeB, device, HostPayout));

        Assert.Equal("DeviceAlreadyPaired", error.ErrorName);
        Assert.Equal(NodeA, error.Reason!.Arguments[1]);
    }

    [Fact]
    public async Task SetPayoutAndUnpair_ByRegistrar_Applied()
    {
        var registry = await DeployAsync();
        var device = PrivateKey.Generate().Address;
        var newPayout = AnvilFixture.AddressOf(3);
        await registry.PairAsync(NodeA, device, HostPayout);

        var changed = await registry.SetPayoutAsync(NodeA, newPayout);
        Assert.Equal(newPayout, (await registry.GetByDeviceAsync(device))!.Payout);
        var unpaired = await registry.UnpairAsync(NodeA);

        Assert.Equal("PayoutChanged", Assert.Single(registry.DecodeEvents(changed)).Name);
        Assert.Equal("DeviceUnpaired", Assert.Single(registry.DecodeEvents(unpaired)).Name);
        Assert.Null(await registry.GetByNodeAsync(NodeA));
        Assert.Null(await registry.GetByDeviceAsync(device));
        Assert.Equal("NodeNotPaired", (await Assert.ThrowsAsync<ContractRevertedException>(() => registry.UnpairAsync(NodeA))).ErrorName);
    }

    [Fact]
    public async Task Pair_ByNonRegistrarOrWithZeroes_Reverts()
    {
        var registry = await DeployAsync();
        var device = PrivateKey.Generate().Address;

        var outsider = await Assert.ThrowsAsync<ContractRevertedException>(() => registry.Connect(anvil.Sender(4)).PairAsync(NodeA, device, HostPayout));
        var zeroNode = await Assert.ThrowsAsync<ContractRevertedException>(() => registry.PairAsync(new byte[32], device, HostPayout));
        var zeroPayout = await Assert.ThrowsAsync<ContractRevertedException>(() => registry.PairAsync(NodeA, device, Address.Zero));

        Assert.Equal("AccessControlUnauthorizedAccount", outsider.ErrorName);
        Assert.Equal(AccessRoles.Registrar, outsider.Reason!.Arguments[1]);
        Assert.Equal("ZeroNodeId", zeroNode.ErrorName);
        Assert.Equal("ZeroAddress", zeroPayout.ErrorName);
    }

    private Task<DeviceRegistry> DeployAsync() =>
        DeviceRegistry.DeployAsync(anvil.Sender(1), AnvilFixture.AddressOf(0), AnvilFixture.AddressOf(1));
}
