using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.JsonRpc;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.Tests.JsonRpc;

/// <summary>The client's requests and parsing against anvil 1.7.1's recorded answers (shared/vectors transcript).</summary>
public sealed class JsonRpcTranscriptTests : IDisposable
{
    private static readonly Address Account0 = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    private static readonly Address Reverter = Address.Parse("0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9");

    private readonly HttpClient _http = new(new TranscriptHandler());
    private readonly EthJsonRpcClient _client;

    public JsonRpcTranscriptTests() => _client = new EthJsonRpcClient(_http, new Uri("http://127.0.0.1:18545/"));

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Quantities_RecordedAnswers_Parsed()
    {
        Assert.Equal(31337, await _client.GetChainIdAsync());
        Assert.Equal(0UL, await _client.GetBlockNumberAsync());
        Assert.Equal(2_000_000_000, await _client.GetGasPriceAsync());
        Assert.Equal(1_000_000_000, await _client.GetMaxPriorityFeePerGasAsync());
        Assert.Equal(0UL, await _client.GetTransactionCountAsync(Account0));
    }

    [Fact]
    public async Task GetTransactionReceipt_Deployment_AllFieldsParsed()
    {
        var receipt = await _client.GetTransactionReceiptAsync("0xe851aa1d1b75571ad16c93fe74b5d5dc395043b28f976168c5ea5233fcfce4d1");

        Assert.NotNull(receipt);
        Assert.True(receipt.Succeeded);
        Assert.Equal(4UL, receipt.BlockNumber);
        Assert.Equal(0xd3eaUL, receipt.GasUsed);
        Assert.Equal(0x638f1ec5, receipt.EffectiveGasPrice);
        Assert.Null(receipt.To);
        Assert.Equal(Reverter, receipt.ContractAddress);
        Assert.Equal(Account0, receipt.From);
        Assert.Empty(receipt.Logs);
    }

    [Fact]
    public async Task GetTransactionReceipt_RevertedAndNotYetMined_StatusFalseAndNull()
    {
        var reverted = await _client.GetTransactionReceiptAsync("0x8c8467b6d0f91aad02e3e4e2c5d767374622c34189c5f10d9ce41fcf59b3dcd4");
        var pending = await _client.GetTransactionReceiptAsync("0xd6be53be2b9c01bccd672a74d93776026b5e6cbf97cde6b6d2d9d07d872d6e70");

        Assert.False(reverted!.Succeeded);
        Assert.Null(pending);
    }

    [Fact]
    public async Task SendRawTransaction_ReusedNonce_JsonRpcExceptionNonceTooLow()
    {
        var raw = SignedTransaction.Decode(HexConverter.FromHex(
            "0x02f868827a69800184b2d05e008252089470997970c51812dc3a010c7d01b50e0d17dc79c80180c001a04e42f9ac1f9539f7531557e9c3b1bd213898822a71ca4ca80f919400c0845511a0268238a2c34eb502cd59545be70d73a72a9b742afa0cd6399642b760d1e6532f"));

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => _client.SendRawTransactionAsync(raw));

        Assert.Equal(-32003, error.Code);
        Assert.True(error.IsNonceTooLow);
        Assert.Null(error.ErrorData);
    }

    [Fact]
    public async Task CallAndEstimate_RevertWithoutData_ContractRevertedWithUnknownReason()
    {
        var request = new CallRequest { From = Account0, To = Reverter, Data = [0x12, 0x34, 0x56, 0x78] };

        var call = await Assert.ThrowsAsync<ContractRevertedException>(() => _client.CallAsync(request));
        var estimate = await Assert.ThrowsAsync<ContractRevertedException>(() => _client.EstimateGasAsync(request));

        Assert.Empty(call.Reason!.Data);
        Assert.Null(call.ErrorName);
        Assert.Equal(3, Assert.IsType<JsonRpcException>(estimate.InnerException).Code);
    }

    [Fact]
    public async Task GetFeeHistory_Recorded_NextBaseFeeIsLastEntry()
    {
        var history = await _client.GetFeeHistoryAsync(2, BlockTag.Latest, [50]);

        Assert.Equal(4UL, history.OldestBlock);
        Assert.Equal(3, history.BaseFeePerGas.Count);
        Assert.Equal(0x1e9cb0e8, history.NextBaseFee);
        Assert.Equal(1_000_000_000, history.Rewards[1][0]);
    }

    [Fact]
    public async Task GetLogs_EmptyRange_Empty()
    {
        var logs = await _client.GetLogsAsync(new LogFilter { FromBlock = BlockTag.Number(0) });

        Assert.Empty(logs);
    }
}
