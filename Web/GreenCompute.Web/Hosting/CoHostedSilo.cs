using System.Diagnostics;
using GreenCompute.Actors;
using GreenCompute.Core.Model;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Grains.Sites;
using GreenCompute.Silo.Configuration;
using GreenCompute.Silo.History;
using GreenCompute.Silo.Simulation;

namespace GreenCompute.Web.Hosting;

/// <summary>
/// The silo in the web process: the grains and the simulated fleet on real data (<see cref="SimulatedSilo"/>), stepped
/// by <see cref="SimulationRunner"/> in a background loop paced at <see cref="WebOptions.Speed"/>, or by the caller
/// (<see cref="StepAsync"/>) with <see cref="WebOptions.ManualClock"/>. Pages read the grains, never the simulator.
/// The simulated agents use the web host's one broker (<see cref="Pairing.MqttEndpoint"/>) when it runs; each node
/// message the ingest applies wakes that node's live views at once (<see cref="FleetTicks.PublishNode"/>).
/// </summary>
internal sealed partial class CoHostedSilo(WebOptions options, FleetTicks ticks, Pairing.MqttEndpoint mqtt, ILogger<CoHostedSilo> logger) : ISiloAccess, IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _step = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private SimulatedSilo? _silo;
    private SimulationRunner? _runner;
    private Task _loop = Task.CompletedTask;
    private int _disposed;

    public SimulatedSilo Silo => _silo ?? throw new InvalidOperationException("The silo has not started yet.");

    /// <summary>The simulated time: the clock of every grain, chart and bill.</summary>
    public DateTimeOffset Now => Silo.Clock.Now;

    public bool Finished => _runner?.Finished ?? false;

    public string Zone => Silo.Zone;

    public ISchedulerGrain Scheduler => Silo.Scheduler;

    public IHistoryQueries History => Silo.History.Queries;

    public IReadOnlyList<string> SiteIds { get; private set; } = [];

    public IGrainFactory Grains => Silo.Host;

    public IReadOnlyList<string> NodeIds { get; private set; } = [];

    public HeaterSpec Heater => Silo.Fleet.Nodes[0].Heater;

    public ILedgerGrain Ledger => Silo.LedgerGrain;

    public IHeaterNodeGrain Node(string nodeId) => Silo.Host.GetGrain<IHeaterNodeGrain>(nodeId);

    public ISiteGrain Site(string siteId) => Silo.Host.GetGrain<ISiteGrain>(siteId);

    public Address HostOf(string siteId) => Silo.Devices.HostOf(siteId);

    public Task RegisterDeviceAsync(string nodeId, Address device, Address payout) => Silo.Ledger.RegisterDeviceAsync(nodeId, device, payout);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var siloOptions = new SiloOptions
        {
            DataFolder = options.DataFolder,
            Buildings = options.Buildings,
            RoomsPerBuilding = options.RoomsPerBuilding,
            Days = options.Days,
            Speed = options.Speed,
            TargetLoad = options.TraceLoad,
            StateFile = options.StateFile,
            NoChain = options.NoChain,
            Seed = options.Seed,
            InProcess = options.InProcessAgents,
            Live = false,
        };
        _silo = await SimulatedSilo.CreateAsync(siloOptions, onError: e => LogGrainError(logger, e.ToString()), sharedBroker: mqtt.Broker);
        var ingest = _silo.Link switch
        {
            GreenCompute.Silo.Mqtt.MqttFleetLink link => link.Ingest,
            GreenCompute.Silo.Mqtt.PairedDevicesLink link => link.Ingest,
            _ => null,
        };
        ingest?.NodeApplied = (_, nodeId) => ticks.PublishNode(nodeId);

        _runner = new SimulationRunner(_silo);
        SiteIds = [.. _silo.Fleet.Nodes.Select(n => n.SiteId).Distinct().Order(StringComparer.Ordinal)];
        NodeIds = [.. _silo.Fleet.Nodes.Select(n => n.NodeId)];
        LogStarted(logger, _silo.Data.Notice, _silo.Fleet.Nodes.Count, SiteIds.Count, _silo.Ledger.Description);
        if (!options.ManualClock)
        {
            _loop = RunPacedAsync(_stop.Token);
        }
    }

    /// <summary>Advances the fleet <paramref name="steps"/> simulated minutes (tests; also serialises with the loop).</summary>
    public async Task StepAsync(int steps = 1)
    {
        await _step.WaitAsync();
        try
        {
            for (var i = 0; i < steps && !Finished; i++)
            {
                await _runner!.StepOnceAsync();
                ticks.Publish();
            }
        }
        finally
        {
            _step.Release();
        }
    }

    private async Task RunPacedAsync(CancellationToken cancellationToken)
    {
        // Let the host finish starting before the first step.
        await Task.Yield();
        var wall = Stopwatch.StartNew();
        var start = Now;
        try
        {
            while (!Finished && !cancellationToken.IsCancellationRequested)
            {
                await StepAsync();
                if (options.Speed > 0)
                {
                    var due = TimeSpan.FromSeconds((Now - start).TotalSeconds / options.Speed) - wall.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due, cancellationToken);
                    }
                }
            }

            LogFinished(logger, Now);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            LogLoopFailed(logger, e);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        // The web application and its host both dispose the service provider's singletons.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        _stop.Dispose();
        _step.Dispose();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Notice} Simulating {Rooms} rooms in {Sites} buildings. Ledger: {Ledger}")]
    private static partial void LogStarted(ILogger logger, string notice, int rooms, int sites, string ledger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Grain host: {Error}")]
    private static partial void LogGrainError(ILogger logger, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The simulated fleet reached the end of its data at {Time}; pages show the last state")]
    private static partial void LogFinished(ILogger logger, DateTimeOffset time);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "The simulation loop stopped")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
