using System.Collections.Immutable;
using GreenCompute.Actors;
using GreenCompute.Core.Model;
using GreenCompute.Core.Time;
using GreenCompute.Core.Units;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Silo.Gateway;
using GreenCompute.Silo.History;
using GreenCompute.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GreenCompute.Web.Tests.Gateway;

/// <summary><see cref="RemoteSilo"/> against a real gateway on loopback whose silo is a hand fake of the facts and steps (no grains).</summary>
public sealed class RemoteSiloFollowTests
{
    private static readonly DateTimeOffset Start = new(2017, 10, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SiloStep_MovesTheWebsLivePagesOn_WithTheSilosClock()
    {
        var folder = Directory.CreateTempSubdirectory("gc-remote-follow-").FullName;
        var clock = new ManualTimeProvider(Start);
        var backend = new FactsOnly(clock);
        var tokenFile = Path.Combine(folder, "gateway.token");
        var server = await GatewayServer.StartAsync(backend, GatewayToken.ReadOrCreate(tokenFile), port: 0);
        var ticks = new FleetTicks();
        var remote = new RemoteSilo(new WebOptions { SiloUrl = server.BaseAddress.ToString(), SiloTokenFile = tokenFile }, ticks, TimeProvider.System, NullLogger<RemoteSilo>.Instance);
        try
        {
            await remote.StartAsync(CancellationToken.None);
            Assert.Equal(["b1"], remote.SiteIds);
            Assert.Equal(Start, remote.Now);
            Assert.Equal(backend.Info.Heater, remote.Heater);
            Assert.Equal(Address.Parse(FactsOnly.Host), remote.HostOf("b1"));

            var moved = ticks.Next;
            clock.Advance(TimeSpan.FromMinutes(1));
            backend.Ticks.Publish();
            await moved.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => Assert.True(t.IsCompletedSuccessfully, "a silo step should publish a web tick"));

            Assert.Equal(Start.AddMinutes(1), remote.Now);
        }
        finally
        {
            await remote.StopAsync(CancellationToken.None);
            await remote.DisposeAsync();
            await server.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WrongToken_NothingIsKnown_AndPagesAreToldTheSiloIsUnreachable()
    {
        var folder = Directory.CreateTempSubdirectory("gc-remote-token-").FullName;
        var server = await GatewayServer.StartAsync(new FactsOnly(new ManualTimeProvider(Start)), GatewayToken.ReadOrCreate(Path.Combine(folder, "silo.token")), port: 0);
        var otherToken = Path.Combine(folder, "other.token");
        GatewayToken.ReadOrCreate(otherToken);
        var remote = new RemoteSilo(new WebOptions { SiloUrl = server.BaseAddress.ToString(), SiloTokenFile = otherToken }, new FleetTicks(), TimeProvider.System, NullLogger<RemoteSilo>.Instance);
        try
        {
            await remote.StartAsync(CancellationToken.None);

            Assert.Empty(remote.SiteIds);
            Assert.Throws<SiloUnreachableException>(() => remote.Now);
            var refused = await Assert.ThrowsAsync<SiloUnreachableException>(() => remote.Site("b1").GetRegistration());
            Assert.Contains("refused", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await remote.StopAsync(CancellationToken.None);
            await remote.DisposeAsync();
            await server.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:5090", null, "--silo")]
    [InlineData("http://127.0.0.1:5090", "no-such.token", "--silo-token-file")]
    [InlineData("http://127.0.0.1:5090", "made.token", "GreenCompute:SiloTimeoutSeconds")]
    public async Task BadSiloSetting_StopsStartWithOneMessageNamingIt(string url, string? tokenFile, string setting)
    {
        var folder = Directory.CreateTempSubdirectory("gc-remote-settings-").FullName;
        try
        {
            GatewayToken.ReadOrCreate(Path.Combine(folder, "made.token"));
            var errors = new StringWriter();
            string[] args = ["--urls", "http://127.0.0.1:0", "--users", Path.Combine(folder, "users.db"), "--mqtt-port", "-1", "--silo", url,
                "--silo-token-file", Path.Combine(folder, tokenFile ?? "absent.token"), "--GreenCompute:SiloTimeoutSeconds=" + (tokenFile == "made.token" ? "0" : "10")];

            var exit = await WebProgram.RunAsync(args, new StringWriter(), errors);

            Assert.Equal(2, exit);
            Assert.Contains($"Setting '{setting}'", errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class FactsOnly(TimeProvider time) : IGatewayBackend
    {
        public const string Host = "0x00000000000000000000000000000000000000b1";

        public IGrainFactory Grains { get; } = new NoGrains();

        public IHistoryQueries History => throw new NotSupportedException("no history here");

        public SiloInfo Info { get; } = new("DE", ["b1"], ["b1-r01"], new HeaterSpec(16, new Watts(80), new Watts(1000)),
            ImmutableDictionary<string, string>.Empty.Add("b1", Host));

        public SiloClock Clock => new(time.GetUtcNow(), false, Ticks.Count);

        public GatewayTicks Ticks { get; } = new(time);

        public Task RegisterDeviceAsync(string nodeId, Address device, Address payout) => Task.CompletedTask;
    }

    private sealed class NoGrains : IGrainFactory
    {
        public T GetGrain<T>(string key)
            where T : IGrainWithStringKey => throw new NotSupportedException("no grains here");
    }
}
