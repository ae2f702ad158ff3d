using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text;
using GreenCompute.Actors;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Silo.Gateway;
using GreenCompute.Silo.History;
using GreenCompute.Silo.Tests.Grains;

namespace GreenCompute.Silo.Tests.Gateway;

/// <summary>The silo's grains (<see cref="SiloFixture"/>) behind a real gateway on a free loopback port, a raw HTTP client and the web's client.</summary>
internal sealed class GatewayFixture : IAsyncDisposable
{
    public const string TokenText = "test-gateway-token-0123456789";

    private GatewayFixture(SiloFixture silo, TestBackend backend, GatewayServer server)
    {
        Silo = silo;
        Backend = backend;
        Server = server;
        Client = new GatewayClient(server.BaseAddress, new GatewayToken(TokenText), TimeSpan.FromSeconds(30));
        Grains = new RemoteGrainFactory(Client);
        Raw = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public SiloFixture Silo { get; }

    public TestBackend Backend { get; }

    public GatewayServer Server { get; }

    public GatewayClient Client { get; }

    /// <summary>Grain references across the gateway (DispatchProxy).</summary>
    public IGrainFactory Grains { get; }

    public HttpClient Raw { get; }

    public static async Task<GatewayFixture> StartAsync()
    {
        var silo = await SiloFixture.StartAsync();
        var backend = new TestBackend(silo.Host, silo.Clock);
        var server = await GatewayServer.StartAsync(backend, new GatewayToken(TokenText), port: 0);
        return new GatewayFixture(silo, backend, server);
    }

    /// <summary>POSTs <paramref name="json"/> to a grain method with the given Authorization header (null = none).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json, string? authorization = "Bearer " + TokenText)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"gateway/v1/grains/{path}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return Raw.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Raw.Dispose();
        Client.Dispose();
        await Server.DisposeAsync();
        await Silo.DisposeAsync();
    }

    /// <summary>The gateway's view of the test silo: its grain host, fixed facts, a step counter on the manual clock.</summary>
    internal sealed class TestBackend(IGrainFactory grains, TimeProvider time) : IGatewayBackend
    {
        public IGrainFactory Grains => grains;

        public IHistoryQueries History => throw new NotSupportedException("These tests read no history.");

        public SiloInfo Info { get; } = new("DE", ["site-1"], ["n1"], SiloFixture.Heater, ImmutableDictionary<string, string>.Empty);

        public SiloClock Clock => new(time.GetUtcNow(), false, Ticks.Count);

        public GatewayTicks Ticks { get; } = new(time);

        public List<string> RegisteredDevices { get; } = [];

        public Task RegisterDeviceAsync(string nodeId, Address device, Address payout)
        {
            RegisteredDevices.Add(nodeId);
            return Task.CompletedTask;
        }
    }
}
