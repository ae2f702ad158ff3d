using System.Text.Json;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Rlp;
using GreenCompute.Ethereum.Tests.Vectors;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.Tests.Transactions;

public class TransactionValidatorTests
{
    /// <summary>The forks the files list, oldest first; each test is judged by its newest one.</summary>
    private static readonly string[] Forks =
    [
        "Frontier", "Homestead", "EIP150", "EIP158", "Byzantium", "Constantinople", "ConstantinopleFix",
        "Istanbul", "Berlin", "London", "Paris", "Shanghai", "Cancun", "Prague",
    ];

    /// <summary>
    /// ethereum/tests TransactionTests, one folder per case: decode txbytes and validate for chain 1 under the newest
    /// fork listed (Cancun for most, Shanghai for ttWrongRLP, London for two). An expected exception must be raised
    /// for the same reason; an expected result must match hash, sender and intrinsic gas.
    /// </summary>
    [Theory]
    [InlineData("ttAddress", 4)]
    [InlineData("ttData", 7)]
    [InlineData("ttEIP1559", 9)]
    [InlineData("ttEIP2028", 2)]
    [InlineData("ttEIP2930", 7)]
    [InlineData("ttEIP3860", 4)]
    [InlineData("ttGasLimit", 10)]
    [InlineData("ttGasPrice", 4)]
    [InlineData("ttNonce", 10)]
    [InlineData("ttRSValue", 29)]
    [InlineData("ttSignature", 34)]
    [InlineData("ttVValue", 28)]
    [InlineData("ttValue", 3)]
    [InlineData("ttWrongRLP", 59)]
    public void Validate_EthereumTransactionTests_MatchNewestFork(string folder, int expectedCount)
    {
        var directory = VectorFiles.PathOf(Path.Combine("ethereum-tests", "TransactionTests", folder));
        var failures = new List<string>();
        var total = 0;
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var test in document.RootElement.EnumerateObject())
            {
                total++;
                var failure = Check(test.Value);
                if (failure is not null)
                {
                    failures.Add($"{test.Name}: {failure}");
                }
            }
        }

        Assert.Equal(expectedCount, total);
        VectorAssert.AllPass($"TransactionTests/{folder}", total, failures);
    }

    [Fact]
    public void Validate_WrongChain_ThrowsInvalidChainId()
    {
        var signed = new DynamicFeeTransaction { ChainId = 5, GasLimit = 21_000, To = Address.Zero }
            .Sign(Ethereum.Signing.PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646"));

        var error = Assert.Throws<TransactionException>(() => TransactionValidator.Validate(signed, 1));

        Assert.Equal(TransactionError.InvalidChainId, error.Error);
        Assert.Equal(signed.Transaction.GetSigningPayload(), SignedTransaction.Decode(signed.Encoded).Transaction.GetSigningPayload());
    }

    private static string? Check(JsonElement test)
    {
        var results = test.GetProperty("result");
        var fork = Forks.Last(f => results.TryGetProperty(f, out _));
        var expected = results.GetProperty(fork);
        var bytes = TestHex.Bytes(test.GetProperty("txbytes").GetString()!);
        try
        {
            var signed = SignedTransaction.Decode(bytes);
            var sender = TransactionValidator.Validate(signed, 1);
            if (expected.TryGetProperty("exception", out var exception))
            {
                return $"{fork} expects {exception.GetString()}, accepted";
            }

            if (TestHex.Of(signed.Hash) != expected.GetProperty("hash").GetString()
                || sender != Address.Parse(expected.GetProperty("sender").GetString()!)
                || IntrinsicGas.Compute(signed.Transaction) != HexConverter.ParseQuantity(expected.GetProperty("intrinsicGas").GetString()!))
            {
                return $"{fork}: hash, sender or intrinsic gas differs";
            }

            return null;
        }
        catch (Exception e) when (e is RlpException or TransactionException)
        {
            if (!expected.TryGetProperty("exception", out var exception))
            {
                return $"{fork} expects valid, rejected: {e.Message}";
            }

            return ExpectedTransactionException.Matches(exception.GetString()!, e)
                ? null
                : $"{fork} expects {exception.GetString()}, rejected for another reason: {e.Message}";
        }
    }
}
