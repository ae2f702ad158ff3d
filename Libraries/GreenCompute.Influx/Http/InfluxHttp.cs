using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GreenCompute.Influx.Http;

/// <summary>Request plumbing shared by the writer and the query client: addresses, credentials, error bodies.</summary>
internal static class InfluxHttp
{
    private const int MaxErrorLength = 4096;

    /// <summary>The server address joined with <paramref name="path"/> and the non-null query parameters.</summary>
    public static Uri BuildUri(Uri baseUrl, string path, params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        var text = new StringBuilder(baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')).Append(path);
        char separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            text.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(text.ToString());
    }

    public static void Authorize(HttpRequestMessage request, InfluxConnectionOptions connection)
    {
        if (!string.IsNullOrEmpty(connection.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", connection.Token);
        }
        else if (!string.IsNullOrEmpty(connection.Username))
        {
            string pair = connection.Username + ":" + connection.Password;
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
    }

    /// <summary>
    /// The server's explanation of a failed request: <c>error</c> of a 1.x JSON body, <c>message</c> of a 2.x one,
    /// otherwise the text itself (1.x answers unknown paths with plain <c>404 page not found</c>).
    /// </summary>
    public static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
        return ErrorText(body, response.ReasonPhrase);
    }

    internal static string ErrorText(string body, string? reasonPhrase)
    {
        if (body.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                foreach (string name in (ReadOnlySpan<string>)["error", "message"])
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString()!;
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the raw text, which is still the best explanation there is.
            }
        }

        if (body.Length == 0)
        {
            return reasonPhrase ?? "(empty response)";
        }

        return body.Length > MaxErrorLength ? body[..MaxErrorLength] + "…" : body;
    }
}
