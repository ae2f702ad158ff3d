using System.Numerics;
using System.Text.Json;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// A mined transaction's receipt (eth_getTransactionReceipt). <see cref="Succeeded"/> is status 0x1; a reverted
/// transaction is mined too (status 0x0, gas spent, no logs).
/// </summary>
public sealed record TransactionReceipt(
    string TransactionHash,
    ulong BlockNumber,
    string BlockHash,
    ulong TransactionIndex,
    Address From,
    Address? To,
    Address? ContractAddress,
    ulong GasUsed,
    ulong CumulativeGasUsed,
    BigInteger EffectiveGasPrice,
    bool Succeeded,
    IReadOnlyList<LogEntry> Logs)
{
    internal static TransactionReceipt FromJson(JsonElement json) => new(
        RpcJson.Hash(RpcJson.Required(json, "transactionHash")),
        RpcJson.ULong(RpcJson.Required(json, "blockNumber")),
        RpcJson.Hash(RpcJson.Required(json, "blockHash")),
        RpcJson.ULong(RpcJson.Required(json, "transactionIndex")),
        RpcJson.Address(RpcJson.Required(json, "from")),
        RpcJson.Optional(json, "to") is { } to ? RpcJson.Address(to) : null,
        RpcJson.Optional(json, "contractAddress") is { } created ? RpcJson.Address(created) : null,
        RpcJson.ULong(RpcJson.Required(json, "gasUsed")),
        RpcJson.ULong(RpcJson.Required(json, "cumulativeGasUsed")),
        RpcJson.Optional(json, "effectiveGasPrice") is { } price ? RpcJson.Quantity(price) : BigInteger.Zero,
        // Pre-Byzantium receipts carry a state root instead of a status; every chain we talk to has status.
        RpcJson.Quantity(RpcJson.Required(json, "status")) == BigInteger.One,
        [.. RpcJson.Required(json, "logs").EnumerateArray().Select(LogEntry.FromJson)]);
}
