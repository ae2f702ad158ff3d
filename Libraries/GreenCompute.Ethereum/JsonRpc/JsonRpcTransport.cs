using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GreenCompute.Ethereum.JsonRpc;

/// <summary>JSON-RPC 2.0 over HTTP POST: one request per call, the result member or a <see cref="JsonRpcException"/>.</summary>
internal sealed class JsonRpcTransport(HttpClient httpClient, Uri endpoint)
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private long _lastId;

    public async Task<JsonElement> SendAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastId);
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = method,
            ["params"] = parameters,
        };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = JsonMediaType;
        using var response = await httpClient.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && body.Length == 0)
        {
            throw new HttpRequestException($"{method}: HTTP {(int)response.StatusCode} from {endpoint}", null, response.StatusCode);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new HttpRequestException($"{method}: HTTP {(int)response.StatusCode} from {endpoint} with a body that is not JSON", e, response.StatusCode);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{method}: the JSON-RPC response is not an object.");
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var parsed) ? parsed : 0;
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
            var data = error.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d.GetRawText() : null;
            throw new JsonRpcException(method, code, message, data);
        }

        return root.TryGetProperty("result", out var result)
            ? result
            : throw new FormatException($"{method}: the JSON-RPC response has neither result nor error.");
    }
}
