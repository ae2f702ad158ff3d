using System.Collections.Immutable;
using System.Diagnostics;
using GreenCompute.Core.Units;
using GreenCompute.Core.Work;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Grains.Sites;
using GreenCompute.Silo.Reporting;

namespace GreenCompute.Silo.Simulation;

/// <summary>
/// Drives the one-process run in step: feeds prices and weather, submits the trace's jobs, runs a planning round
/// every slot, delivers commands to the simulated agents, steps the fleet, and routes telemetry and task events
/// back to the grains. Everything on simulated time; the wall clock only paces the run.
/// </summary>
internal sealed class SimulationRunner(SimulatedSilo silo)
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan ForecastLength = TimeSpan.FromHours(48);

    private readonly Stopwatch _wall = new();
    private readonly HashSet<string> _simulated = [.. silo.Fleet.Nodes.Select(n => n.NodeId)];
    private Eur _cost = Eur.Zero;
    private KelvinHours _violation = KelvinHours.Zero;
    private KelvinHours _tooCold = KelvinHours.Zero;
    private DateTimeOffset _nextRound = DateTimeOffset.MinValue;
    private DateTimeOffset _lastRecordedHour = DateTimeOffset.MinValue;

    public int TelemetryRejected { get; private set; }

    /// <summary>Called after each step of <see cref="RunAsync"/> (the gateway tells web hosts the fleet moved on).</summary>
    public Action? StepCompleted { get; set; }

    /// <summary>Runs until the scenario ends or <paramref name="cancellationToken"/> fires; calls <paramref name="onHour"/> every simulated hour.</summary>
    public async Task<FleetSummary> RunAsync(Func<FleetSummary, Task>? onHour = null, CancellationToken cancellationToken = default)
    {
        var start = silo.Clock.Now;
        var end = silo.Data.Scenario.End;
        var nextHour = start + TimeSpan.FromHours(1);
        _wall.Start();
        while (silo.Clock.Now < end && !cancellationToken.IsCancellationRequested)
        {
            await StepOnceAsync();
            StepCompleted?.Invoke();
            if (silo.Clock.Now >= nextHour)
            {
                nextHour += TimeSpan.FromHours(1);
                if (onHour is not null)
                {
                    await onHour(await SummarizeAsync());
                }
            }

            await PaceAsync(silo.Clock.Now - start, cancellationToken);
        }

        return await SummarizeAsync();
    }

    /// <summary>True once simulated time has reached the end of the scenario's data.</summary>
    public bool Finished => silo.Clock.Now >= silo.Data.Scenario.End;

    /// <summary>
    /// One clock step (a planning round first when one is due): the unit of progress for hosts that drive the run
    /// themselves (the web host paces it; its tests step it as fast as they like). Not thread-safe: one caller.
    /// </summary>
    public async Task StepOnceAsync()
    {
        var now = silo.Clock.Now;
        if (now >= _nextRound)
        {
            await FeedMarketDataAsync(now);
            await silo.Devices.SubmitReadingsAsync(silo.Agents.RoomWantsHeat);
            await silo.LedgerGrain.CloseDueEpochs();
            await silo.Scheduler.RunRound();
            _nextRound = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Slot.Ticks), TimeSpan.Zero) + Slot;
        }

        await SubmitDueJobsAsync(now);
        // A device paired into a simulated site gets its commands from the link directly (over MQTT); an in-process
        // link has no such devices, and hands back only the simulated agents' commands to apply.
        foreach (var command in await silo.Link.TakeCommandsAsync())
        {
            if (_simulated.Contains(command.NodeId))
            {
                silo.Agents.Apply(command);
            }
        }

        await StepAsync(silo.Clock.Step);
    }

    private async Task StepAsync(TimeSpan step)
    {
        var before = silo.Fleet.EnergyBalance().Electricity;
        var price = silo.Data.Prices.PriceAt(silo.Zone, silo.Clock.Now);
        var completions = new List<GreenCompute.Simulation.Devices.TaskCompletion>();
        void Collect(object? sender, GreenCompute.Simulation.Time.FleetStepped e) => completions.AddRange(e.Completions);
        silo.Clock.Stepped += Collect;
        silo.Clock.Advance(step);
        silo.Clock.Stepped -= Collect;
        silo.Shadow.Step(step);
        _cost += (silo.Fleet.EnergyBalance().Electricity - before) * price;

        var now = silo.Clock.Now;
        var band = silo.Comfort.BandAt(now);
        var telemetry = silo.Fleet.ReadTelemetry();
        var reports = new List<NodeTelemetry>(telemetry.Count);
        foreach (var t in telemetry)
        {
            _violation += ThermostatShadow.Violation(t.RoomTemperature, band) * step;
            if (t.RoomTemperature < band.Min)
            {
                _tooCold += (band.Min - t.RoomTemperature) * step;
            }
            reports.Add(SimulatedAgents.ToTelemetry(t));
        }

        TelemetryRejected += await silo.Link.ReportTelemetryAsync(reports);

        silo.Agents.GuardAll();
        var events = silo.Agents.CollectEvents(completions);
        if (events.Length > 0)
        {
            await silo.Link.ReportTaskEventsAsync(events);
            await silo.Devices.SubmitCompletionsAsync(events);
        }
    }

    private async Task FeedMarketDataAsync(DateTimeOffset now)
    {
        var hour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var hours = (int)ForecastLength.TotalHours;
        var prices = ImmutableArray.CreateBuilder<EurPerMwh>(hours);
        for (var h = 0; h < hours; h++)
        {
            prices.Add(silo.Data.Prices.TryGetPrice(silo.Zone, hour.AddHours(h), out var p) ? p : prices.Count > 0 ? prices[^1] : silo.Data.Prices.PriceAt(silo.Zone, now));
        }

        if (hour > _lastRecordedHour)
        {
            _lastRecordedHour = hour;
            silo.History.Recorder.RecordPrice(silo.Zone, hour, prices[0]);
            await silo.LedgerGrain.SetPrice(silo.Zone, hour, prices[0]);
            foreach (var siteId in silo.Fleet.Nodes.Select(n => n.SiteId).Distinct())
            {
                silo.History.Recorder.RecordWeather(siteId, hour, silo.Data.Weather.OutdoorAt(hour));
            }
        }

        var outdoor = Enumerable.Range(0, hours + 1).Select(h => silo.Data.Weather.OutdoorAt(hour.AddHours(h))).ToImmutableArray();
        var forecasts = silo.Fleet.Nodes.Select(n => n.SiteId).Distinct().Select(siteId => new OutdoorForecast(siteId, hour, TimeSpan.FromHours(1), outdoor)).ToList();
        await silo.Link.FeedMarketAsync(new PriceCurve(silo.Zone, hour, TimeSpan.FromHours(1), prices.MoveToImmutable()), forecasts);
    }

    private async Task SubmitDueJobsAsync(DateTimeOffset now)
    {
        foreach (var job in silo.Jobs.TakeDue(now))
        {
            // A rejected job is counted by the scheduler and changes nothing.
            await silo.Host.GetGrain<GreenCompute.Grains.Jobs.IJobGrain>(job.JobId).Submit(ToSpec(job));
        }
    }

    internal static JobSpec ToSpec(GreenCompute.Simulation.Jobs.JobSubmission job) => new(
        $"NASA iPSC/860 job {job.JobId}",
        "nasa-trace",
        "nasa-trace",
        job.TaskCount,
        job.WorkPerTask,
        job.Deadline,
        new EurPerMwh(1000),
        TimeSpan.FromMinutes(10));

    private async Task PaceAsync(TimeSpan simulated, CancellationToken cancellationToken)
    {
        if (silo.Options.Speed <= 0)
        {
            return;
        }

        var due = TimeSpan.FromSeconds(simulated.TotalSeconds / silo.Options.Speed);
        var wait = due - _wall.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(5))
        {
            await Task.Delay(wait, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<FleetSummary> SummarizeAsync()
    {
        var now = silo.Clock.Now;
        var overviews = await Task.WhenAll(silo.Fleet.Nodes.Select(n => n.SiteId).Distinct().Select(id => silo.Host.GetGrain<ISiteGrain>(id).GetOverview()));
        var nodes = overviews.SelectMany(o => o.Nodes).ToList();
        var status = await silo.Scheduler.GetStatus();
        return new FleetSummary
        {
            SimulatedTime = now,
            Elapsed = now - silo.Data.Scenario.Start,
            WallClock = _wall.Elapsed,
            Rooms = nodes.Count,
            RoomsInBand = overviews.Sum(o => o.RoomsInBand),
            Computing = nodes.Count(n => n.Mode == HeaterMode.Computing),
            HeatOnly = nodes.Count(n => n.Mode == HeaterMode.HeatOnly),
            Idle = nodes.Count(n => n.Mode == HeaterMode.Idle),
            Offline = nodes.Count(n => n.Mode == HeaterMode.Offline),
            JobsSubmitted = status.JobsSubmitted,
            JobsRejected = status.JobsRejected,
            TasksDone = status.TasksCompleted,
            TasksRunning = status.TasksRunning,
            TasksWaiting = status.TasksWaiting,
            TasksFailed = status.TasksFailed,
            DeadlinesMissed = status.TasksLateCompleted + status.TasksPastDeadline,
            Energy = silo.Fleet.EnergyBalance().Electricity,
            UsefulHeat = new WattHours(nodes.Sum(n => n.UsefulHeat.Value)),
            Cost = _cost,
            ThermostatCost = silo.Shadow.Cost,
            ThermostatViolation = silo.Shadow.ComfortViolation,
            ThermostatTooCold = silo.Shadow.TooCold,
            Work = new CoreSeconds(silo.Fleet.ReadTelemetry().Sum(t => t.WorkCounter.Value)),
            ComfortViolation = _violation,
            TooCold = _tooCold,
            CurrentPrice = silo.Data.Prices.PriceAt(silo.Zone, now),
            OutdoorTemperature = silo.Fleet.OutdoorTemperature,
            RecentReasons = status.RecentReasons,
        };
    }
}
