using System.Numerics;
using GreenCompute.Contracts.Ledger;
using GreenCompute.Contracts.Payouts;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Ethereum.Merkle;
using GreenCompute.Ethereum.Tests.JsonRpc;
using Xunit.Abstractions;

namespace GreenCompute.Ethereum.Tests.Contracts;

public class PayoutDistributorTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    private static readonly BigInteger Funding = BigInteger.Pow(10, 24);

    private static Address HostA => AnvilFixture.AddressOf(2);

    private static Address HostB => AnvilFixture.AddressOf(3);

    private static Address HostC => AnvilFixture.AddressOf(5);

    [Fact]
    public async Task Claim_ValidProof_PaysCumulativeAmountOnce()
    {
        var setup = await DeployAsync();
        var tree = await setup.CommitPayoutsAsync(1, [new(HostA, 100), new(HostB, 50), new(HostC, 7)]);
        var host = setup.Distributor.Connect(anvil.Sender(2));

        var receipt = await host.ClaimAsync(HostA, 100, tree.GetProof(0));

        output.WriteLine($"claim gasUsed = {receipt.GasUsed} (first claim of the account)");
        Assert.Equal(100, await setup.Token.GetBalanceAsync(HostA));
        Assert.Equal(100, await setup.Distributor.GetClaimedAsync(HostA));
        var claimed = Assert.Single(setup.Distributor.DecodeClaimed(receipt));
        Assert.Equal((HostA, 100, 100, 1UL), (claimed.Account, (int)claimed.Amount, (int)claimed.CumulativeAmount, claimed.Epoch));

        var again = await Assert.ThrowsAsync<ContractRevertedException>(() => host.ClaimAsync(HostA, 100, tree.GetProof(0)));

        Assert.Equal("NothingToClaim", again.ErrorName);
        Assert.Equal(100, await setup.Token.GetBalanceAsync(HostA));
        Assert.Equal(0, await setup.Distributor.GetClaimableAsync(HostA, 100, tree.GetProof(0)));
    }

    [Fact]
    public async Task Claim_ByRelayerForHost_PaysOnlyTheHost()
    {
        var setup = await DeployAsync();
        var tree = await setup.CommitPayoutsAsync(1, [new(HostA, 100), new(HostB, 50)]);
        var relayer = anvil.Sender(4);

        await setup.Distributor.Connect(relayer).ClaimAsync(HostB, 50, tree.GetProof(1));

        Assert.Equal(50, await setup.Token.GetBalanceAsync(HostB));
        Assert.Equal(0, await setup.Token.GetBalanceAsync(relayer.From));
    }

    [Fact]
    public async Task Claim_AnotherHostsProofForOwnAccount_RevertsInvalidProof()
    {
        var setup = await DeployAsync();
        var tree = await setup.CommitPayoutsAsync(1, [new(HostA, 100), new(HostB, 50)]);
        var thief = setup.Distributor.Connect(anvil.Sender(4));

        var stolen = await Assert.ThrowsAsync<ContractRevertedException>(() => thief.ClaimAsync(AnvilFixture.AddressOf(4), 100, tree.GetProof(0)));
        var inflated = await Assert.ThrowsAsync<ContractRevertedException>(() => thief.ClaimAsync(HostB, 100, tree.GetProof(1)));

        Assert.Equal("InvalidProof", stolen.ErrorName);
        Assert.Equal("InvalidProof", inflated.ErrorName);
        Assert.Equal(0, await setup.Token.GetBalanceAsync(AnvilFixture.AddressOf(4)));
        Assert.Equal(0, await setup.Token.GetBalanceAsync(HostB));
    }

    [Fact]
    public async Task Claim_CumulativeAcrossTwoEpochs_PaysTheDifference()
    {
        var setup = await DeployAsync();
        var first = await setup.CommitPayoutsAsync(1, [new(HostA, 100), new(HostB, 50)]);
        var host = setup.Distributor.Connect(anvil.Sender(2));
        await host.ClaimAsync(HostA, 100, first.GetProof(0));
        var second = await setup.CommitPayoutsAsync(2, [new(HostA, 250), new(HostB, 80), new(HostC, 30)]);

        var stale = await Assert.ThrowsAsync<ContractRevertedException>(() => setup.Distributor.Connect(anvil.Sender(3)).ClaimAsync(HostB, 50, first.GetProof(1)));
        var receipt = await host.ClaimAsync(HostA, 250, second.GetProof(0));

        output.WriteLine($"claim gasUsed = {receipt.GasUsed} (second claim of the account)");
        Assert.Equal("InvalidProof", stale.ErrorName);
        Assert.Equal(150, Assert.Single(setup.Distributor.DecodeClaimed(receipt)).Amount);
        Assert.Equal(250, await setup.Token.GetBalanceAsync(HostA));
        Assert.Equal(Funding - 250, await setup.Token.GetBalanceAsync(setup.Distributor.Address));
    }

    [Fact]
    public async Task Claim_DistributorNotFunded_RevertsWithTokenError()
    {
        var setup = await DeployAsync(funding: 10);
        var tree = await setup.CommitPayoutsAsync(1, [new(HostA, 100), new(HostB, 50)]);

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => setup.Distributor.ClaimAsync(HostA, 100, tree.GetProof(0)));

        Assert.Equal("ERC20InsufficientBalance", error.ErrorName);
    }

    [Fact]
    public async Task PayoutLeaf_OnChain_EqualsCSharpLeafHash()
    {
        var setup = await DeployAsync();
        var entitlement = new PayoutEntitlement(HostC, BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(entitlement.LeafHash(), await setup.Distributor.ComputePayoutLeafAsync(entitlement));
    }

    [Fact]
    public async Task Mint_ByNonMinter_RevertsAccessControlUnauthorizedAccount()
    {
        var setup = await DeployAsync();

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => setup.Token.Connect(anvil.Sender(4)).MintAsync(AnvilFixture.AddressOf(4), 1));

        Assert.Equal("AccessControlUnauthorizedAccount", error.ErrorName);
    }

    private async Task<Deployment> DeployAsync(BigInteger? funding = null)
    {
        var admin = anvil.Sender(0);
        var recorder = anvil.Sender(1);
        var token = await GreenCredit.DeployAsync(admin, admin.From);
        var ledger = await ContributionLedger.DeployAsync(admin, admin.From, recorder.From);
        var distributor = await PayoutDistributor.DeployAsync(admin, token.Address, ledger.Address);
        await token.MintAsync(distributor.Address, funding ?? Funding);
        return new Deployment(token, ledger.Connect(recorder), distributor);
    }

    private sealed record Deployment(GreenCredit Token, ContributionLedger Ledger, PayoutDistributor Distributor)
    {
        public async Task<MerkleTree> CommitPayoutsAsync(ulong epoch, IReadOnlyList<PayoutEntitlement> entitlements)
        {
            var tree = MerkleTree.Build([.. entitlements.Select(e => e.LeafHash())]);
            var totals = new EpochTotals(0, 0, 0, 0, (uint)entitlements.Count, 0);
            await Ledger.CommitEpochAsync(epoch, new byte[32], tree.Root, totals);
            return tree;
        }
    }
}
