using System.Numerics;
using GreenCompute.Contracts.Artifacts;
using GreenCompute.Contracts.Ledger;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.Tests.JsonRpc;

public class EthJsonRpcClientTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task GetChainId_Anvil_Is31337()
    {
        Assert.Equal(31337, await anvil.Client.GetChainIdAsync());
    }

    [Fact]
    public async Task EstimateFees_Anvil_MaxFeeCoversNextBaseFeePlusPriority()
    {
        var history = await anvil.Client.GetFeeHistoryAsync(2, BlockTag.Latest, [50]);

        var fees = await anvil.Client.EstimateFeesAsync();

        Assert.Equal(await anvil.Client.GetMaxPriorityFeePerGasAsync(), fees.MaxPriorityFeePerGas);
        Assert.True(fees.MaxFeePerGas >= history.NextBaseFee + fees.MaxPriorityFeePerGas);
        Assert.True(await anvil.Client.GetGasPriceAsync() > 0);
    }

    [Fact]
    public async Task SendAndWait_ValueTransfer_MinedAndBalanceMoves()
    {
        var sender = anvil.Sender(5);
        var to = AnvilFixture.AddressOf(4);
        var before = await anvil.Client.GetBalanceAsync(to);
        var blockBefore = await anvil.Client.GetBlockNumberAsync();

        var receipt = await sender.SendAndWaitAsync(new TransactionRequest { To = to, Value = 12345 });

        Assert.True(receipt.Succeeded);
        Assert.Equal(21000UL, receipt.GasUsed);
        Assert.Equal(sender.From, receipt.From);
        Assert.True(receipt.BlockNumber > blockBefore);
        Assert.Equal(before + 12345, await anvil.Client.GetBalanceAsync(to));
    }

    [Fact]
    public async Task Call_RevertingFunction_ThrowsContractRevertedWithDecodedCustomError()
    {
        var ledger = await ContributionLedger.DeployAsync(anvil.Sender(0), AnvilFixture.AddressOf(0), AnvilFixture.AddressOf(0));
        var commit = ContractArtifact.ContributionLedger.Function("commitEpoch");
        var outsider = AnvilFixture.AddressOf(3);
        var request = new CallRequest
        {
            From = outsider,
            To = ledger.Address,
            Data = commit.EncodeCall(1UL, new byte[32], new byte[32], new object?[] { 0, 0, 0, 0, 0, 0 }),
        };

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => anvil.Client.CallAsync(request, BlockTag.Latest, ledger.Errors));

        Assert.Equal("AccessControlUnauthorizedAccount", error.ErrorName);
        Assert.Equal(outsider, error.Reason!.Arguments[0]);
        var rpc = Assert.IsType<JsonRpcException>(error.InnerException);
        Assert.Equal(3, rpc.Code);
        Assert.Null(error.TransactionHash);
    }

    [Fact]
    public async Task Request_UnknownMethod_ThrowsJsonRpcExceptionWithCode()
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Client.RequestAsync("eth_noSuchMethod", []));

        Assert.Equal(-32601, error.Code);
        Assert.Equal("eth_noSuchMethod", error.Method);
    }

    [Fact]
    public async Task SendRaw_ReusedNonce_NonceTooLow()
    {
        var key = AnvilFixture.Key(5);
        var chainId = await anvil.Client.GetChainIdAsync();
        var fees = await anvil.Client.EstimateFeesAsync();
        var receipt = await anvil.Sender(5).SendAndWaitAsync(new TransactionRequest { To = AnvilFixture.AddressOf(4), Value = 1 });
        var used = await anvil.Client.GetTransactionCountAsync(key.Address, BlockTag.Latest) - 1;
        var replay = new DynamicFeeTransaction
        {
            ChainId = chainId,
            Nonce = used,
            GasLimit = 21000,
            MaxFeePerGas = fees.MaxFeePerGas,
            MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            To = AnvilFixture.AddressOf(3),
            Value = 2,
        }.Sign(key);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Client.SendRawTransactionAsync(replay));

        Assert.True(receipt.Succeeded);
        Assert.True(error.IsNonceTooLow, error.Message);
        Assert.Equal(-32003, error.Code);
    }

    [Fact]
    public async Task WaitForReceipt_UnknownTransaction_TimeoutNamesTheHash()
    {
        const string hash = "0x1111111111111111111111111111111111111111111111111111111111111111";

        var error = await Assert.ThrowsAsync<TransactionReceiptTimeoutException>(() => anvil.Client.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(300)));

        Assert.Equal(hash, error.TransactionHash);
        Assert.Contains(hash, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCode_DeployedLedger_EqualsArtifactDeployedBytecode()
    {
        var ledger = await ContributionLedger.DeployAsync(anvil.Sender(0), AnvilFixture.AddressOf(0), AnvilFixture.AddressOf(0));

        var code = await anvil.Client.GetCodeAsync(ledger.Address);

        Assert.Equal(HexConverter.ToHex(ContractArtifact.ContributionLedger.DeployedBytecode), HexConverter.ToHex(code));
    }

    [Fact]
    public async Task EstimateGas_Transfer_Is21000()
    {
        var gas = await anvil.Client.EstimateGasAsync(new CallRequest { From = AnvilFixture.AddressOf(5), To = AnvilFixture.AddressOf(4), Value = BigInteger.One });

        Assert.Equal(21000UL, gas);
    }
}
