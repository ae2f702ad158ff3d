using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.JsonRpc;

/// <summary>
/// The lowest seam of the JSON-RPC client: answers each request with anvil's recorded response to the same method
/// and params (compared case-insensitively, since addresses may be checksummed or not), with the request's id.
/// A request that anvil was never seen to get fails the test.
/// </summary>
internal sealed class TranscriptHandler : HttpMessageHandler
{
    private readonly List<(JsonNode Request, JsonNode Response)> _entries;

    public TranscriptHandler()
    {
        var transcript = VectorFiles.Load("anvil-1.7.1-jsonrpc-transcript.json").GetProperty("transcript");
        _entries = [.. transcript.EnumerateArray().Select(e => (Normalize(e.GetProperty("request")), JsonNode.Parse(e.GetProperty("response").GetRawText())!))];
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
        var wanted = Normalize(JsonSerializer.SerializeToElement(body));
        var match = _entries.FirstOrDefault(e => JsonNode.DeepEquals(e.Request, wanted));
        if (match.Response is null)
        {
            throw new InvalidOperationException($"No recorded anvil response for {body.ToJsonString()}");
        }

        var response = match.Response.DeepClone();
        response["id"] = body["id"]!.DeepClone();
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    private static JsonNode Normalize(JsonElement request) =>
        JsonNode.Parse(new JsonObject
        {
            ["method"] = request.GetProperty("method").GetString(),
            ["params"] = JsonNode.Parse(request.GetProperty("params").GetRawText()),
        }.ToJsonString().ToLowerInvariant())!;
}
