using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Net.Http.Headers;
using GreenCompute.Silo.Content;
using GreenCompute.Silo.Mqtt;

namespace GreenCompute.Silo.Tests.Content;

/// <summary>The content-addressed store over real HTTP (Kestrel on loopback, a temp folder): hash checked on upload, atomic, immutable.</summary>
public sealed class ContentStoreTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gc-content-").FullName;
    private readonly FleetCredentials _credentials = new(["n1", "n2"]);
    private ContentServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await ContentServer.StartAsync(_folder, _credentials);
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = Basic("n1", _credentials.PasswordOf("n1"));
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    [Theory]
    [InlineData("none")]
    [InlineData("wrong-password")]
    [InlineData("another-nodes-password")]
    [InlineData("unknown-user")]
    [InlineData("not-basic")]
    [InlineData("malformed")]
    public async Task NoOrWrongCredentials_Are401_ForEveryMethod_AndStoreNothing(string credentials)
    {
        var stored = Encoding.UTF8.GetBytes("already here\n");
        using (var put = await _http.PutAsync($"api/v1/content/{Hash(stored)}", new ByteArrayContent(stored)))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using var stranger = new HttpClient { BaseAddress = _server.BaseAddress };
        stranger.DefaultRequestHeaders.Authorization = credentials switch
        {
            "wrong-password" => Basic("n1", "guess"),
            "another-nodes-password" => Basic("n1", _credentials.PasswordOf("n2")),
            "unknown-user" => Basic("n9", _credentials.PasswordOf("n9")),
            "not-basic" => new AuthenticationHeaderValue("Bearer", _credentials.PasswordOf("n1")),
            "malformed" => new AuthenticationHeaderValue("Basic", "%%%"),
            _ => null,
        };
        var bytes = Encoding.UTF8.GetBytes("an upload nobody signed\n");
        var name = Hash(bytes);

        using (var put = await stranger.PutAsync($"api/v1/content/{name}", new ByteArrayContent(bytes)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
            Assert.Contains("Basic", put.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        using (var get = await stranger.GetAsync($"api/v1/content/{Hash(stored)}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        }

        using (var head = await stranger.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/v1/content/{Hash(stored)}")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, head.StatusCode);
        }

        Assert.Null(_server.Store.Find(name));
        Assert.Single(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Put_ThenGetAndHead_ReturnTheSameBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("task input: 42\n");
        var name = Hash(bytes);
        using (var put = await _http.PutAsync($"api/v1/content/{name}", new ByteArrayContent(bytes)))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using (var again = await _http.PutAsync($"api/v1/content/{name}", new ByteArrayContent(bytes)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(bytes, await _http.GetByteArrayAsync($"api/v1/content/{name}"));
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/v1/content/{name}"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        Assert.Equal($"\"{name}\"", head.Headers.ETag?.Tag);
        Assert.True(File.Exists(Path.Combine(_folder, name[..2], name)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "tmp")));
    }

    [Fact]
    public async Task Put_BodyWithAnotherHash_Is422_AndStoresNothing()
    {
        var name = Hash(Encoding.UTF8.GetBytes("what the name promises"));
        using var put = await _http.PutAsync($"api/v1/content/{name}", new ByteArrayContent(Encoding.UTF8.GetBytes("something else")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Contains("nothing stored", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var get = await _http.GetAsync($"api/v1/content/{name}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(["tmp"], Directory.GetDirectories(_folder).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "tmp")));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task BadName_Is400_ForEveryMethod(string name)
    {
        using var get = await _http.GetAsync($"api/v1/content/{name}");
        using var put = await _http.PutAsync($"api/v1/content/{name}", new ByteArrayContent([1]));
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(["tmp"], Directory.GetDirectories(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Store_TooLarge_IsRefused_AndLeavesNoTempFile()
    {
        var store = new ContentStore(Path.Combine(_folder, "small")) { MaxBytes = 10 };
        var bytes = new byte[11];
        var result = await store.PutAsync(Hash(bytes), new MemoryStream(bytes), CancellationToken.None);
        Assert.Equal(ContentWrite.TooLarge, result);
        Assert.Null(store.Find(Hash(bytes)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "small", "tmp")));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
