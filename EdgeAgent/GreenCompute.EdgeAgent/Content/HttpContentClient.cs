using System.Net;
using System.Security.Cryptography;

namespace GreenCompute.EdgeAgent.Content;

/// <summary>
/// The store over HTTP: GET/PUT/HEAD <c>api/v1/content/{sha256}</c> relative to the server's base address. Downloads
/// stream to a temp file while hashing and are moved into place only when the hash matches; uploads skip what the store
/// already has (HEAD 200).
/// </summary>
internal sealed class HttpContentClient(HttpClient http) : IContentClient
{
    public async Task DownloadAsync(string sha256, string file, CancellationToken cancellationToken)
    {
        if (!ContentHash.IsValid(sha256))
        {
            throw new InvalidDataException($"'{sha256}' is not a SHA-256 content name");
        }

        using var response = await http.GetAsync(Address(sha256), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
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

        using (var head = new HttpRequestMessage(HttpMethod.Head, Address(sha256)))
        using (var exists = await http.SendAsync(head, cancellationToken).ConfigureAwait(false))
        {
            if (exists.StatusCode == HttpStatusCode.OK)
            {
                return sha256;
            }
        }

        await using var body = File.OpenRead(file);
        using var content = new StreamContent(body);
        using var response = await http.PutAsync(Address(sha256), content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return sha256;
    }

    private static Uri Address(string sha256) => new($"api/v1/content/{sha256}", UriKind.Relative);
}
