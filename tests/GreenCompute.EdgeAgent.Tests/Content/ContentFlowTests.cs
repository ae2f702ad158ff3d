using System.Security.Cryptography;
using System.Text;
using GreenCompute.EdgeAgent.Content;
using GreenCompute.EdgeAgent.Kernels;
using GreenCompute.EdgeAgent.Tests.Fixtures;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Tests.Fixtures;
using GreenCompute.Silo.Content;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace GreenCompute.EdgeAgent.Tests.Content;

/// <summary>Inputs and outputs through the silo's content store over HTTP: downloaded and verified, uploaded by hash.</summary>
public sealed class ContentFlowTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TaskWithInput_DownloadsVerifies_UploadsItsOutputUnderItsHash()
    {
        await using var store = await ContentServer.StartAsync(_temp.Sub("store"));
        using var http = new HttpClient { BaseAddress = store.BaseAddress };
        var client = new HttpContentClient(http);
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
        Assert.Equal(expected, await http.GetByteArrayAsync($"api/v1/content/{completed.OutputHash}"));
    }

    [Fact]
    public async Task MissingInput_FailsTheTaskWithTheReason()
    {
        await using var store = await ContentServer.StartAsync(_temp.Sub("store"));
        using var http = new HttpClient { BaseAddress = store.BaseAddress };
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var agent = await AgentFixture.StartAsync(broker.Port, AgentFixture.Options(_temp.Sub("state")), new HttpContentClient(http));
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
