using GreenCompute.Actors;
using GreenCompute.Core.Model;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Grains;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Grains.Sites;
using GreenCompute.Silo.Configuration;
using GreenCompute.Silo.Gateway;
using GreenCompute.Silo.History;

namespace GreenCompute.Web.Hosting;

/// <summary>
/// A separate silo through its gateway (<see cref="WebOptions.SiloUrl"/>): grain calls go over HTTP
/// (<see cref="RemoteGrainFactory"/>), and a background loop long-polls the silo's steps to move live pages on. The
/// silo's facts are read once it answers; until then, and whenever it stops answering, pages say it is unreachable.
/// </summary>
internal sealed partial class RemoteSilo : ISiloAccess, IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly GatewayClient _client;
    private readonly FleetTicks _ticks;
    private readonly TimeProvider _time;
    private readonly ILogger<RemoteSilo> _logger;
    private readonly CancellationTokenSource _stop = new();
    private SiloInfo? _info;
    private SiloClock? _clock;
    private Task _loop = Task.CompletedTask;

    public RemoteSilo(WebOptions options, FleetTicks ticks, TimeProvider time, ILogger<RemoteSilo> logger)
    {
        var url = Uri.TryCreate(options.SiloUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? u
            : throw new ConfigurationException("--silo", $"'{options.SiloUrl}' is not an http URL.", "write e.g. --silo http://127.0.0.1:5090 (the silo's --gateway-port).");
        var tokenFile = options.SiloTokenFile ?? GatewayToken.DefaultFile;
        GatewayToken token;
        try
        {
            token = GatewayToken.Read(tokenFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ConfigurationException("--silo-token-file", $"'{tokenFile}' cannot be read: {e.Message}", "name the token file the silo's --gateway-token-file wrote.");
        }

        if (!(options.SiloTimeoutSeconds is > 0 and <= 600))
        {
            throw new ConfigurationException("GreenCompute:SiloTimeoutSeconds", $"{options.SiloTimeoutSeconds} is out of range.", "give seconds above 0 and at most 600, e.g. 10.");
        }

        _client = new GatewayClient(url, token, TimeSpan.FromSeconds(options.SiloTimeoutSeconds));
        _ticks = ticks;
        _time = time;
        _logger = logger;
        Grains = new RemoteGrainFactory(_client);
        History = new RemoteHistoryQueries(_client);
    }

    public IGrainFactory Grains { get; }

    public IHistoryQueries History { get; }

    public DateTimeOffset Now => Clock.Now;

    public bool Finished => Clock.Finished;

    public string Zone => Info.Zone;

    public IReadOnlyList<string> SiteIds => _info?.SiteIds ?? [];

    public IReadOnlyList<string> NodeIds => Info.NodeIds;

    public HeaterSpec Heater => Info.Heater;

    public ISchedulerGrain Scheduler => Grains.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);

    public ILedgerGrain Ledger => Grains.GetGrain<ILedgerGrain>(LedgerGrains.LedgerKey);

    private SiloInfo Info => _info ?? throw Unreachable();

    private SiloClock Clock => _clock ?? throw Unreachable();

    public IHeaterNodeGrain Node(string nodeId) => Grains.GetGrain<IHeaterNodeGrain>(nodeId);

    public ISiteGrain Site(string siteId) => Grains.GetGrain<ISiteGrain>(siteId);

    public Address HostOf(string siteId) =>
        Info.HostAddresses.TryGetValue(siteId, out var address) ? Address.Parse(address) : throw new InvalidOperationException($"The silo has no building '{siteId}'.");

    public Task RegisterDeviceAsync(string nodeId, Address device, Address payout) =>
        _client.RegisterDeviceAsync(new DeviceRegistrationRequest(nodeId, device.ToString(), payout.ToString()));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // One try at start, so accounts seeded at start see the buildings; a silo not up yet is not fatal.
        try
        {
            await ConnectAsync(cancellationToken);
        }
        catch (SiloUnreachableException e)
        {
            LogUnreachable(_logger, e.Message);
        }

        _loop = FollowAsync(_stop.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
        _client.Dispose();
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        _info ??= await _client.GetInfoAsync(ct);
        // After -1: the gateway answers at once with the current clock.
        _clock = await _client.WaitForStepAsync(-1, ct);
    }

    /// <summary>Long-polls the silo's steps and moves live pages on; retries every few seconds while the silo is down.</summary>
    private async Task FollowAsync(CancellationToken ct)
    {
        var wasDown = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                _info ??= await _client.GetInfoAsync(ct);
                var clock = await _client.WaitForStepAsync(_clock?.Steps ?? -1, ct);
                var moved = _clock is null || clock.Steps != _clock.Steps;
                _clock = clock;
                if (wasDown)
                {
                    LogReachable(_logger, _client.BaseAddress);
                    wasDown = false;
                }

                if (moved)
                {
                    _ticks.Publish();
                }
            }
            catch (SiloUnreachableException e)
            {
                if (!wasDown)
                {
                    LogUnreachable(_logger, e.Message);
                    wasDown = true;
                }

                await Task.Delay(RetryDelay, _time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopping.
            }
        }
    }

    private SiloUnreachableException Unreachable() => new($"The silo at {_client.BaseAddress} has not answered yet.");

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Problem} Pages say so until it answers.")]
    private static partial void LogUnreachable(ILogger logger, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "The silo at {Url} answers again")]
    private static partial void LogReachable(ILogger logger, Uri url);
}
