using System.Collections.Concurrent;
using System.Numerics;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Ethereum.Tests.Vectors;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.Tests.Transactions;

public class TransactionSigningTests
{
    /// <summary>
    /// ethers transactions.json: 3,200 transactions signed as Legacy, Eip155, Berlin (EIP-2930) and London
    /// (EIP-1559). Checked per variant: unsigned payload, signed bytes, r/s/v, and decode → same bytes and sender.
    /// Skipped: the Cancun (EIP-4844 blob) variant, not implemented; and the Eip155 variant of the 1,536 "masked"
    /// transactions without a chainId, whose Eip155 fields the file leaves empty.
    /// </summary>
    [Theory]
    [InlineData("Legacy", 3200)]
    [InlineData("Eip155", 1664)]
    [InlineData("Berlin", 3200)]
    [InlineData("London", 3200)]
    public void Sign_EthersTransactions_ByteIdentical(string kind, int expectedCount)
    {
        const string file = "ethers/transactions.json.gz";
        var vectors = VectorFiles.Load(file).EnumerateArray().Where(v => v.GetProperty("signed" + kind).GetString() != string.Empty).ToList();
        var failures = new ConcurrentBag<string>();

        // Thousands of signatures: spread them over the cores.
        Parallel.ForEach(vectors, vector =>
        {
            var name = vector.GetProperty("name").GetString()!;
            var key = PrivateKey.FromHex(vector.GetProperty("privateKey").GetString()!);
            var transaction = EthersTransactionVectors.Build(kind, vector.GetProperty("transaction"));
            var expected = vector.GetProperty("signature" + kind);

            var signed = transaction.Sign(key);

            var decoded = SignedTransaction.Decode(signed.Encoded);
            if (TestHex.Of(transaction.GetSigningPayload()) != vector.GetProperty("unsigned" + kind).GetString())
            {
                failures.Add($"{name}: unsigned payload differs");
            }
            else if (signed.ToHex() != vector.GetProperty("signed" + kind).GetString()
                || signed.R != HexConverter.ParseQuantity(expected.GetProperty("r").GetString()!)
                || signed.S != HexConverter.ParseQuantity(expected.GetProperty("s").GetString()!)
                || signed.V != HexConverter.ParseQuantity(expected.GetProperty("v").GetString()!))
            {
                failures.Add($"{name}: signed bytes differ");
            }
            else if (decoded.RecoverSender() != key.Address || !decoded.Transaction.GetSigningPayload().AsSpan().SequenceEqual(transaction.GetSigningPayload()))
            {
                failures.Add($"{name}: decoding differs");
            }
        });

        Assert.Equal(expectedCount, vectors.Count);
        VectorAssert.AllPass($"{file} ({kind})", vectors.Count, failures);
    }

    [Fact]
    public void Sign_Eip155Example_MatchesEipText()
    {
        var example = VectorFiles.Load("eip155_example.json");
        var tx = example.GetProperty("tx");
        var transaction = new LegacyTransaction
        {
            Nonce = tx.GetProperty("nonce").GetUInt64(),
            GasPrice = BigInteger.Parse(tx.GetProperty("gasPrice").GetString()!),
            GasLimit = tx.GetProperty("gasLimit").GetUInt64(),
            To = Address.Parse(tx.GetProperty("to").GetString()!),
            Value = BigInteger.Parse(tx.GetProperty("value").GetString()!),
            ChainId = tx.GetProperty("chainId").GetInt32(),
        };

        var signed = transaction.Sign(PrivateKey.FromHex(example.GetProperty("privateKey").GetString()!));

        Assert.Equal(example.GetProperty("signingData").GetString(), TestHex.Of(transaction.GetSigningPayload()));
        Assert.Equal(example.GetProperty("signingHash").GetString(), TestHex.Of(transaction.GetSigningHash()));
        Assert.Equal(new BigInteger(example.GetProperty("v").GetInt32()), signed.V);
        Assert.Equal(BigInteger.Parse(example.GetProperty("r").GetString()!), signed.R);
        Assert.Equal(BigInteger.Parse(example.GetProperty("s").GetString()!), signed.S);
        Assert.Equal(example.GetProperty("signedTx").GetString(), signed.ToHex());
    }

    [Fact]
    public void SignAndDecode_NethereumEip1559Vectors_MatchAll()
    {
        const string file = "nethereum_eip1559_vectors.json";
        var root = VectorFiles.Load(file);
        var key = PrivateKey.FromHex(root.GetProperty("privateKey").GetString()!);
        var sender = Address.Parse(root.GetProperty("expectedSender").GetString()!);
        var failures = new List<string>();
        var total = 0;
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            total++;
            var data = c.GetProperty("data").ValueKind == System.Text.Json.JsonValueKind.String ? c.GetProperty("data").GetString()! : "0x";
            var transaction = new DynamicFeeTransaction
            {
                ChainId = c.GetProperty("chainId").GetInt32(),
                Nonce = c.GetProperty("nonce").GetUInt64(),
                MaxPriorityFeePerGas = c.GetProperty("maxPriorityFeePerGas").GetInt64(),
                MaxFeePerGas = c.GetProperty("maxFeePerGas").GetInt64(),
                GasLimit = c.GetProperty("gasLimit").GetUInt64(),
                To = c.GetProperty("to").ValueKind == System.Text.Json.JsonValueKind.String ? Address.Parse(c.GetProperty("to").GetString()!) : null,
                Value = c.GetProperty("value").GetInt64(),
                Data = TestHex.Bytes(data.Length == 0 ? "0x" : data),
            };
            var signed = transaction.Sign(key);
            var decoded = SignedTransaction.Decode(TestHex.Bytes(c.GetProperty("signed").GetString()!));
            if (TestHex.Of(transaction.GetSigningPayload()) != c.GetProperty("unsigned").GetString()
                || TestHex.Of(transaction.GetSigningHash()) != c.GetProperty("unsignedHash").GetString()
                || signed.ToHex() != c.GetProperty("signed").GetString()
                || TestHex.Of(decoded.Hash) != c.GetProperty("txHash").GetString()
                || decoded.RecoverSender() != sender)
            {
                failures.Add($"case {total}");
            }
        }

        Assert.Equal(6, total);
        VectorAssert.AllPass(file, total, failures);
    }

    [Fact]
    public void Sign_NethereumOfflineErc20Transfer_ByteIdentical()
    {
        var vector = VectorFiles.Load("nethereum_offline_legacy_eip155_transfer.json");
        var transaction = new LegacyTransaction
        {
            ChainId = vector.GetProperty("chainId").GetInt32(),
            Nonce = vector.GetProperty("nonce").GetUInt64(),
            GasLimit = vector.GetProperty("gas").GetUInt64(),
            GasPrice = vector.GetProperty("gasPrice").GetInt64(),
            To = Address.Parse(vector.GetProperty("contract").GetString()!),
            Data = TestHex.Bytes(vector.GetProperty("calldata").GetString()!),
        };

        var signed = transaction.Sign(PrivateKey.FromHex(vector.GetProperty("privateKey").GetString()!));

        Assert.Equal(vector.GetProperty("signed").GetString(), signed.ToHex());
    }
}
