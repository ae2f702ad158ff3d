using System.Numerics;
using System.Text.Json;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Tests.Vectors;
using GreenCompute.Ethereum.Transactions;

namespace GreenCompute.Ethereum.Tests.Transactions;

/// <summary>
/// Builds transactions from ethers' transactions.json "transaction" objects. Missing fields are zero/empty
/// (the "masked" vectors drop fields on purpose); a missing "to" is a contract creation.
/// </summary>
internal static class EthersTransactionVectors
{
    public static Transaction Build(string kind, JsonElement fields) => kind switch
    {
        "Legacy" => (Transaction)new LegacyTransaction { GasPrice = Quantity(fields, "gasPrice") },
        "Eip155" => new LegacyTransaction { GasPrice = Quantity(fields, "gasPrice"), ChainId = Quantity(fields, "chainId") },
        "Berlin" => new AccessListTransaction { ChainId = Quantity(fields, "chainId"), GasPrice = Quantity(fields, "gasPrice"), AccessList = AccessList(fields) },
        "London" => new DynamicFeeTransaction
        {
            ChainId = Quantity(fields, "chainId"),
            MaxPriorityFeePerGas = Quantity(fields, "maxPriorityFeePerGas"),
            MaxFeePerGas = Quantity(fields, "maxFeePerGas"),
            AccessList = AccessList(fields),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transaction kind."),
    } with
    {
        Nonce = fields.TryGetProperty("nonce", out var nonce) ? nonce.GetUInt64() : 0,
        GasLimit = (ulong)Quantity(fields, "gasLimit"),
        To = fields.TryGetProperty("to", out var to) ? Address.Parse(to.GetString()!) : null,
        Value = Quantity(fields, "value"),
        Data = fields.TryGetProperty("data", out var data) ? TestHex.Bytes(data.GetString()!) : [],
    };

    private static BigInteger Quantity(JsonElement fields, string name) =>
        fields.TryGetProperty(name, out var value) ? HexConverter.ParseQuantity(value.GetString()!) : BigInteger.Zero;

    private static AccessListEntry[] AccessList(JsonElement fields) =>
        fields.TryGetProperty("accessList", out var list)
            ? [.. list.EnumerateArray().Select(e => new AccessListEntry(
                Address.Parse(e.GetProperty("address").GetString()!),
                [.. e.GetProperty("storageKeys").EnumerateArray().Select(k => TestHex.Bytes(k.GetString()!))]))]
            : [];
}
