using System.Security.Cryptography;
using System.Text;
using GreenCompute.EdgeAgent.Content;
using GreenCompute.EdgeAgent.Kernels;
using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Tests.Fixtures;
using GreenCompute.Silo.Content;
using GreenCompute.Silo.Mqtt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace GreenCompute.EdgeAgent.Tests.Content;

/// <summary>Inputs and outputs through the silo's content store over HTTP: downloaded and verified, uploaded by hash.</summary>
public sealed class ContentFlowTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FleetCredentials _credentials = new([AgentFixture.NodeId]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TaskWithInput_DownloadsVerifies_UploadsItsOutputUnderItsHash()
    {
        await using var store = await ContentServer.StartAsync(_temp.Sub("store"), _credentials);
        using var http = new HttpClient { BaseAddress = store.BaseAddress };
        var client = new HttpContentClient(http, AgentFixture.NodeId, _credentials.PasswordOf(AgentFixture.NodeId));
        var input = Encoding.UTF8.GetBytes("customer input bytes\n");
        File.WriteAllBytes(Path.Combine(_temp.Path, "input.bin"), input);
        var inputHash = await client.UploadAsync(Path.Combine(_temp.Path, "input.bin"), CancellationToken.None);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(input)), inputHash);

        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_temp.Sub("state")), client);
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/in", "sha256-chain@" + inputHash, 0.01)]));
        var completed = await agent.WaitForEventAsync("job-1/in", TaskEventKind.Completed);
        Assert.Equal("output uploaded", completed.Detail);

        // The chain starts from SHA-256(input): recompute it here.
        var units = (long)Math.Round(0.01 * KernelCatalog.UnitsPerCoreSecond("sha256-chain"));
        var h = SHA256.HashData(input);
        for (var i = 0; i < units; i++)
        {
            h = SHA256.HashData(h);
        }

        var expected = Encoding.UTF8.GetBytes($"sha256-chain n={units} {Convert.ToHexStringLower(h)}\n");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), completed.OutputHash);
        var output = Path.Combine(_temp.Path, "output.bin");
        await client.DownloadAsync(completed.OutputHash!, output, CancellationToken.None);
        Assert.Equal(expected, File.ReadAllBytes(output));
    }

    [Fact]
    public async Task WrongPassword_StoreAnswers401_NothingStored_AndATaskInputIsNotFetched()
    {
        await using var store = await ContentServer.StartAsync(_temp.Sub("store"), _credentials);
        using var http = new HttpClient { BaseAddress = store.BaseAddress };
        var good = new HttpContentClient(http, AgentFixture.NodeId, _credentials.PasswordOf(AgentFixture.NodeId));
        var bad = new HttpContentClient(http, AgentFixture.NodeId, "not-the-mqtt-password");
        var anonymous = new HttpContentClient(http);
        File.WriteAllText(Path.Combine(_temp.Path, "a.bin"), "for the store\n");
        File.WriteAllText(Path.Combine(_temp.Path, "b.bin"), "never stored\n");
        var hash = await good.UploadAsync(Path.Combine(_temp.Path, "a.bin"), CancellationToken.None);

        foreach (var client in new[] { bad, anonymous })
        {
            var upload = await Assert.ThrowsAsync<HttpRequestException>(() => client.UploadAsync(Path.Combine(_temp.Path, "b.bin"), CancellationToken.None));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, upload.StatusCode);
            var download = await Assert.ThrowsAsync<HttpRequestException>(() => client.DownloadAsync(hash, Path.Combine(_temp.Path, "in"), CancellationToken.None));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, download.StatusCode);
        }

        Assert.Null(store.Store.Find(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_temp.Path, "b.bin"))))));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "in")));

        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_temp.Sub("state")), bad);
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/locked", "prime-count@" + hash, 1)]));
        var failed = await agent.WaitForEventAsync("job-1/locked", TaskEventKind.Failed);
        Assert.StartsWith($"input {hash} could not be fetched", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingInput_FailsTheTaskWithTheReason()
    {
        await using var store = await ContentServer.StartAsync(_temp.Sub("store"), _credentials);
        using var http = new HttpClient { BaseAddress = store.BaseAddress };
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_temp.Sub("state")),
            new HttpContentClient(http, AgentFixture.NodeId, _credentials.PasswordOf(AgentFixture.NodeId)));
        var absent = new string('a', 64);
        await agent.SendAsync(AgentFixture.Command(start: [AgentFixture.Start("job-1/missing", "prime-count@" + absent, 1)]));
        var failed = await agent.WaitForEventAsync("job-1/missing", TaskEventKind.Failed);
        Assert.Equal($"input {absent} could not be fetched: content {absent} is not in the store", failed.Detail);
        Assert.Empty(agent.Agent.Tasks.RunningTaskIds);
    }

    [Fact]
    public async Task Download_BytesThatDoNotMatchTheName_AreRefused_AndNotKept()
    {
        // A broken or malicious server: answers any name with the same bytes.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/api/v1/content/{sha256}", () => Results.Bytes(Encoding.UTF8.GetBytes("tampered")));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/") };
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("original")));
        var file = Path.Combine(_temp.Path, "input");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new HttpContentClient(http).DownloadAsync(name, file, CancellationToken.None));
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.Empty(Directory.GetFiles(_temp.Path));
        await app.StopAsync();
    }
}
