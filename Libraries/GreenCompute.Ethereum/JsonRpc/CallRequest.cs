using System.Numerics;
using System.Text.Json.Nodes;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>The transaction object of eth_call and eth_estimateGas. <see cref="To"/> null simulates a deployment.</summary>
public sealed record CallRequest
{
    public Address? From { get; init; }

    public Address? To { get; init; }

    public byte[] Data { get; init; } = [];

    public BigInteger Value { get; init; }

    /// <summary>Gas limit for the simulation; null lets the node choose.</summary>
    public ulong? Gas { get; init; }

    internal JsonObject ToJson()
    {
        var json = new JsonObject();
        if (From is { } from)
        {
            json["from"] = RpcJson.ToAddress(from);
        }

        if (To is { } to)
        {
            json["to"] = RpcJson.ToAddress(to);
        }

        if (Gas is { } gas)
        {
            json["gas"] = RpcJson.ToQuantity(gas);
        }

        if (!Value.IsZero)
        {
            json["value"] = RpcJson.ToQuantity(Value);
        }

        json["data"] = RpcJson.ToData(Data);
        return json;
    }
}
