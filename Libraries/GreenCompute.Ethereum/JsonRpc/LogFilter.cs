using System.Text.Json.Nodes;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>
/// The filter of eth_getLogs. <see cref="Topics"/> is positional: null at a position matches anything, one or more
/// values match any of them (e.g. [topic0, null, accountTopic]).
/// </summary>
public sealed record LogFilter
{
    public string FromBlock { get; init; } = BlockTag.Earliest;

    public string ToBlock { get; init; } = BlockTag.Latest;

    public IReadOnlyList<Address> Addresses { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<byte[]>?> Topics { get; init; } = [];

    internal JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["fromBlock"] = FromBlock,
            ["toBlock"] = ToBlock,
        };
        if (Addresses.Count > 0)
        {
            json["address"] = new JsonArray([.. Addresses.Select(RpcJson.ToAddress)]);
        }

        if (Topics.Count > 0)
        {
            json["topics"] = new JsonArray([.. Topics.Select(alternatives => alternatives is null
                ? null
                : (JsonNode)new JsonArray([.. alternatives.Select(topic => RpcJson.ToData(topic))]))]);
        }

        return json;
    }
}
