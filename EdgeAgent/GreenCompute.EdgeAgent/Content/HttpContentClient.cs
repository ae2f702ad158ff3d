using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace GreenCompute.EdgeAgent.Content;

/// <summary>
/// The store over HTTP: GET/PUT/HEAD <c>api/v1/content/{sha256}</c> relative to the server's base address. Downloads
/// stream to a temp file while hashing and are moved into place only when the hash matches; uploads skip what the store
/// already has (HEAD 200). Every request signs in with HTTP Basic as the node (its id and MQTT password) when
/// <paramref name="userName"/> is given; the store refuses anonymous requests with 401.
/// </summary>
internal sealed class HttpContentClient(HttpClient http, string? userName = null, string? password = null) : IContentClient
{
    private readonly AuthenticationHeaderValue? _authorization = userName is null
        ? null
        : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));

    public async Task DownloadAsync(string sha256, string file, CancellationToken cancellationToken)
    {
        if (!ContentHash.IsValid(sha256))
        {
            throw new InvalidDataException($"'{sha256}' is not a SHA-256 content name");
        }

        using var get = Request(HttpMethod.Get, sha256);
        using var response = await http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new HttpRequestException($"content {sha256} is not in the store", null, HttpStatusCode.NotFound);
        }

        response.EnsureSuccessStatusCode();
        var temp = file + ".download";
        string actual;
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        await using (var output = File.Create(temp))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(temp);
            throw new InvalidDataException($"content {sha256} arrived with SHA-256 {actual}: refused");
        }

        File.Move(temp, file, overwrite: true);
    }

    public async Task<string> UploadAsync(string file, CancellationToken cancellationToken)
    {
        string sha256;
        await using (var stream = File.OpenRead(file))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        using (var head = Request(HttpMethod.Head, sha256))
        using (var exists = await http.SendAsync(head, cancellationToken).ConfigureAwait(false))
        {
            if (exists.StatusCode == HttpStatusCode.OK)
            {
                return sha256;
            }
        }

        await using var body = File.OpenRead(file);
        using var put = Request(HttpMethod.Put, sha256);
        put.Content = new StreamContent(body);
        using var response = await http.SendAsync(put, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return sha256;
    }

    private HttpRequestMessage Request(HttpMethod method, string sha256) =>
        new(method, new Uri($"api/v1/content/{sha256}", UriKind.Relative)) { Headers = { Authorization = _authorization } };
}
