using System.Text.Json;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>One event log, from a receipt or eth_getLogs. Topics[0] is the event's topic0 unless it is anonymous.</summary>
public sealed record LogEntry(
    Address Address,
    IReadOnlyList<byte[]> Topics,
    byte[] Data,
    ulong BlockNumber,
    string BlockHash,
    string TransactionHash,
    ulong TransactionIndex,
    ulong LogIndex,
    bool Removed)
{
    internal static LogEntry FromJson(JsonElement json) => new(
        RpcJson.Address(RpcJson.Required(json, "address")),
        [.. RpcJson.Required(json, "topics").EnumerateArray().Select(RpcJson.Data)],
        RpcJson.Data(RpcJson.Required(json, "data")),
        RpcJson.ULong(RpcJson.Required(json, "blockNumber")),
        RpcJson.Hash(RpcJson.Required(json, "blockHash")),
        RpcJson.Hash(RpcJson.Required(json, "transactionHash")),
        RpcJson.ULong(RpcJson.Required(json, "transactionIndex")),
        RpcJson.ULong(RpcJson.Required(json, "logIndex")),
        RpcJson.Optional(json, "removed") is { ValueKind: JsonValueKind.True });
}
