using GreenCompute.Actors;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;
using GreenCompute.Grains;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Grains.Sites;
using GreenCompute.Silo.Configuration;
using GreenCompute.Grains.Ledger;
using GreenCompute.Silo.History;
using GreenCompute.Silo.Ledger;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Fleet;
using GreenCompute.Simulation.Jobs;
using GreenCompute.Simulation.Time;

namespace GreenCompute.Silo.Simulation;

/// <summary>
/// Everything the one-process run holds: the data, the simulated fleet and its clock, the grain host with the
/// silo's grains, the simulated agents and the thermostat baseline. Built from validated <see cref="SiloOptions"/>.
/// </summary>
internal sealed class SimulatedSilo : IAsyncDisposable
{
    private SimulatedSilo(SiloOptions options, SimulationData data, SimulationClock clock, GrainHost host, IGrainStorage storage,
        IFleetLink link, ComfortSchedule comfort, JobStream jobs, ThermostatShadow shadow, string? temporaryFolder, HistoryStore history, LedgerSetup ledger)
    {
        Ledger = ledger;
        Devices = new SimulatedDevices(clock.Fleet, host.GetGrain<ILedgerGrain>(LedgerGrains.LedgerKey), link, ledger.Domain, options.Seed, ledger.RegisterDeviceAsync);
        History = history;
        Options = options;
        Data = data;
        Clock = clock;
        Host = host;
        Storage = storage;
        Link = link;
        Comfort = comfort;
        Jobs = jobs;
        Shadow = shadow;
        Agents = new SimulatedAgents(clock.Fleet);
        TemporaryFolder = temporaryFolder;
    }

    public SiloOptions Options { get; }
    public SimulationData Data { get; }
    public SimulationClock Clock { get; }
    public SimulatedFleet Fleet => Clock.Fleet;
    public GrainHost Host { get; }
    public IGrainStorage Storage { get; }
    /// <summary>How agents and feeds reach the grains: MQTT (default) or direct calls (--in-process).</summary>
    public IFleetLink Link { get; }
    public SimulatedAgents Agents { get; }
    public ComfortSchedule Comfort { get; }
    public JobStream Jobs { get; }
    public ThermostatShadow Shadow { get; }
    public string? TemporaryFolder { get; }
    public HistoryStore History { get; }
    public LedgerSetup Ledger { get; }
    public SimulatedDevices Devices { get; }
    public ILedgerGrain LedgerGrain => Host.GetGrain<ILedgerGrain>(LedgerGrains.LedgerKey);
    public string Zone => Data.Scenario.PriceZone;
    public ISchedulerGrain Scheduler => Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);

    /// <summary>
    /// Loads the data and builds the fleet and the silo; a setting that cannot work throws <see cref="ConfigurationException"/>.
    /// The agents join <paramref name="sharedBroker"/> when given (the web host's one broker), else the link starts its own.
    /// </summary>
    public static async Task<SimulatedSilo> CreateAsync(SiloOptions options, IGrainStorage? storage = null, Action<GrainHostError>? onError = null,
        Mqtt.SharedBroker? sharedBroker = null)
    {
        SiloOptionsValidator.Validate(options);
        var folder = DataFolder.Resolve(options.DataFolder);
        var scenario = Scenario.ForZone(options.PriceZone ?? Scenario.Default.PriceZone) with { Length = TimeSpan.FromDays(options.Days) };
        SimulationData data;
        try
        {
            data = folder.Load(scenario);
        }
        catch (Exception e) when (e is DataFileException or ArgumentException or IOException)
        {
            throw new ConfigurationException("--data", e.Message, "point --data at an intact copy of ../shared/data, or shorten --days to fit the data.");
        }

        var heater = new HeaterSpec(options.HeaterCores, new Watts(options.HeaterIdleWatts), new Watts(options.HeaterMaxWatts));
        var offset = PriceSeries.StandardOffset(scenario.PriceZone);
        var comfort = BuildComfort(options, offset);
        var fleetOptions = new FleetOptions
        {
            Buildings = options.Buildings,
            RoomsPerBuilding = options.RoomsPerBuilding,
            Seed = options.Seed,
            Heater = heater,
            PriceZone = scenario.PriceZone,
            LocalOffset = offset,
        };
        var fleet = new SimulatedFleet(fleetOptions, data.Weather, scenario.Start);
        var clock = new SimulationClock(fleet, new SimulationClockOptions { Step = TimeSpan.FromSeconds(60) });
        var jobs = new JobStream(data.Jobs, new JobStreamOptions
        {
            Start = scenario.Start,
            TargetLoad = options.TargetLoad * HeatBackedShare(data, scenario, heater),
            FleetCores = fleet.Nodes.Count * heater.Cores,
            DeadlineFactor = options.DeadlineSlack,
            // The trace has jobs of a few seconds; a deadline shorter than two planning periods cannot be planned for.
            MinimumSlack = TimeSpan.FromMinutes(30),
        });

        var temporary = Path.Combine(Path.GetTempPath(), $"greencompute-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        storage ??= new SqliteGrainStorage(options.StateFile ?? Path.Combine(temporary, "silo.db"));
        var history = HistoryStore.Open(options, temporary, clock.Time);

        var host = new GrainHost(storage, clock.Time, new GrainHostOptions { CallTimeout = Timeout.InfiniteTimeSpan }, onError);
        IFleetLink link = (options.InProcess, sharedBroker) switch
        {
            (true, null) => new InProcessFleetLink(host),
            // Agents by direct calls; the host's broker still carries its paired devices.
            (true, { } broker) => new Mqtt.PairedDevicesLink(host, fleet.Nodes.Select(n => n.NodeId), broker),
            _ => new Mqtt.MqttFleetLink(options.BrokerUrl, host, fleet.Nodes.Select(n => n.NodeId), sharedBroker),
        };
        SiloGrains.AddTo(host, link.Commands, new NodeOptions(), new SchedulerOptions { AutoPlan = false }, history.Recorder);
        var ledger = await LedgerSetup.StartAsync(options, temporary, clock.Time);
        // The simulation closes epochs itself, in step with simulated time (no ledger timer).
        LedgerGrains.AddTo(host, ledger.Committer, new LedgerOptions { Domain = ledger.Domain, AutoTick = false });
        await host.StartAsync(CancellationToken.None);
        var shadow = new ThermostatShadow(fleetOptions, data.Weather, scenario.Start, comfort, data.Prices);
        var silo = new SimulatedSilo(options, data, clock, host, storage, link, comfort, jobs, shadow, temporary, history, ledger);
        await silo.RegisterFleetAsync(offset);
        await silo.Devices.PairAllAsync();
        await link.StartAsync([.. fleet.Nodes.Select(n => n.NodeId)], clock.Now);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await Link.DisposeAsync();
        await Host.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
        (Storage as IDisposable)?.Dispose();
        await History.DisposeAsync();
        await Ledger.DisposeAsync();
        if (TemporaryFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(TemporaryFolder, recursive: true);
        }
    }

    private async Task RegisterFleetAsync(TimeSpan offset)
    {
        var comfort = ComfortScheduleDefinition.From(Comfort);
        foreach (var site in Fleet.Nodes.GroupBy(n => n.SiteId))
        {
            var registration = new SiteRegistration(site.Key, $"Building {site.Key}", Zone, (int)offset.TotalMinutes, [.. site.Select(n => n.NodeId)]);
            await Host.GetGrain<ISiteGrain>(site.Key).Register(registration);
            await Scheduler.RegisterSite(registration);
            foreach (var node in site)
            {
                await Host.GetGrain<IHeaterNodeGrain>(node.NodeId).Register(
                    new NodeRegistration(node.NodeId, node.SiteId, node.NodeId, $"Room {node.NodeId}", node.Heater, comfort, RoomThermalModel.Default));
            }
        }
    }

    private static ComfortSchedule BuildComfort(SiloOptions o, TimeSpan offset) =>
        new ComfortScheduleBuilder(offset)
            .Setback(o.NightMinCelsius, o.NightMaxCelsius)
            .Occupied(ComfortDays.Weekdays, new TimeOnly(7, 0), new TimeOnly(22, 0), o.DayMinCelsius, o.DayMaxCelsius)
            .Occupied(ComfortDays.Weekend, new TimeOnly(8, 0), new TimeOnly(23, 0), o.DayMinCelsius, o.DayMaxCelsius)
            .Build();

    /// <summary>
    /// The share of the heaters' capacity that heat demand can carry, roughly: the mean heat loss at 20 °C over the
    /// window divided by the heaters' power. The target load is a fraction of this, as the issue frames it.
    /// </summary>
    private static double HeatBackedShare(SimulationData data, Scenario scenario, HeaterSpec heater)
    {
        var hours = (int)Math.Max(1, scenario.Length.TotalHours);
        var meanDelta = Enumerable.Range(0, hours).Average(h => Math.Max(0, 20 - data.Weather.OutdoorAt(scenario.Start.AddHours(h)).Value));
        return Math.Clamp(meanDelta * RoomThermalModel.Default.HeatLoss.Value / heater.MaxPower.Value, 0.05, 1);
    }
}
