using System.Globalization;
using GreenCompute.Core.Units;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Devices;
using GreenCompute.Simulation.Thermal;

namespace GreenCompute.Simulation.Fleet;

/// <summary>
/// A fleet of simulated rooms, each heated by one heater-computer, driven by real (or synthetic) outdoor weather.
/// <see cref="Step"/> advances every room and heater; telemetry and commands mirror the edge agent's.
/// Thread-safe: commands and telemetry may arrive from other threads while the clock steps.
/// </summary>
public sealed class SimulatedFleet
{
    private readonly Lock _gate = new();
    private readonly WeatherSeries _weather;
    private readonly bool _solar;
    private readonly List<SimulatedNode> _nodes = [];
    private readonly Dictionary<string, SimulatedNode> _byId = new(StringComparer.Ordinal);
    private DateTimeOffset _now;

    public SimulatedFleet(FleetOptions options, WeatherSeries weather, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(weather);
        options.Validate();
        _weather = weather;
        _solar = options.SolarGains;
        _now = start;
        Options = options;

        var random = new Random(options.Seed);
        var digits = Math.Max(2, options.RoomsPerBuilding.ToString(CultureInfo.InvariantCulture).Length);
        for (var b = 1; b <= options.Buildings; b++)
        {
            var siteId = $"b{b}";
            for (var r = 1; r <= options.RoomsPerBuilding; r++)
            {
                var geometry = RoomSpread.Sample(options.Room, options.ThermalSpread, random);
                var parameters = RoomParameters.FromGeometry(geometry);
                var peakGains = options.MaxInternalGains * random.NextDouble();
                var nodeId = $"{siteId}-r{r.ToString("D" + digits, CultureInfo.InvariantCulture)}";
                var info = new FleetNode(nodeId, siteId, options.PriceZone, options.Heater, parameters, peakGains);
                var node = new SimulatedNode(
                    info,
                    new Room5R1C(parameters, options.InitialTemperature),
                    new SimulatedHeater(options.Heater),
                    new OccupancySchedule(peakGains, options.LocalOffset));
                _nodes.Add(node);
                _byId.Add(nodeId, node);
            }
        }

        Nodes = [.. _nodes.Select(n => n.Info)];
    }

    public FleetOptions Options { get; }

    public IReadOnlyList<FleetNode> Nodes { get; }

    /// <summary>Simulated time of the fleet's state.</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>Outdoor temperature now.</summary>
    public Celsius OutdoorTemperature => _weather.OutdoorAt(Now);

    /// <summary>
    /// Advances every room and heater by <paramref name="dt"/>. Outdoor temperature and irradiance are averaged over
    /// the step (exact for the hourly linear interpolation within an hour); internal gains are read at mid-step.
    /// Returns the tasks that completed during the step.
    /// </summary>
    public IReadOnlyList<TaskCompletion> Step(TimeSpan dt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dt, TimeSpan.Zero);
        lock (_gate)
        {
            var start = _now;
            var end = start + dt;
            var middle = start + (dt / 2);
            var outdoor = new Celsius((_weather.OutdoorAt(start).Value + _weather.OutdoorAt(end).Value) / 2);
            var ghi = _solar ? (_weather.GhiAt(start) + _weather.GhiAt(end)) / 2 : 0.0;
            var completions = new List<TaskCompletion>();
            foreach (var node in _nodes)
            {
                var energy = node.Heater.Advance(start, dt, node.Info.NodeId, completions);
                var solar = new Watts(ghi * node.Info.Room.SolarAperture);
                node.Room.Step(dt, energy / dt, node.Occupancy.At(middle), solar, outdoor);
            }

            _now = end;
            return completions;
        }
    }

    /// <summary>
    /// A telemetry snapshot of <paramref name="nodeId"/>, or null while it is offline (it stops reporting). Each
    /// snapshot taken is one "publication": the node's sequence number goes up by one.
    /// </summary>
    public NodeTelemetry? ReadTelemetry(string nodeId)
    {
        lock (_gate)
        {
            return Snapshot(Node(nodeId));
        }
    }

    /// <summary>Snapshots of every online node.</summary>
    public IReadOnlyList<NodeTelemetry> ReadTelemetry()
    {
        lock (_gate)
        {
            return [.. _nodes.Select(Snapshot).OfType<NodeTelemetry>()];
        }
    }

    /// <summary>The true room air temperature, also while the node is offline (for metrics, not for the scheduler).</summary>
    public Celsius RoomTemperature(string nodeId)
    {
        lock (_gate)
        {
            return Node(nodeId).Room.AirTemperature;
        }
    }

    public IReadOnlyList<TaskProgress> Tasks(string nodeId)
    {
        lock (_gate)
        {
            return Node(nodeId).Heater.Tasks;
        }
    }

    /// <summary>
    /// Sets the power cap. With <paramref name="heatWanted"/> the heater fills spare cores with heat-only load up
    /// to the cap; without it, it draws only what its tasks need (idle power when none). A cap below idle is off.
    /// </summary>
    public CommandOutcome SetPowerCap(string nodeId, Watts cap, bool heatWanted = false) =>
        Command(nodeId, h => h.SetPowerCap(cap, heatWanted));

    /// <summary>
    /// Starts a task of <paramref name="work"/> core-seconds on <paramref name="cores"/> cores; when the node's cores
    /// are taken it waits on the device, ordered by <paramref name="deadline"/>.
    /// </summary>
    public CommandOutcome StartTask(string nodeId, string taskId, CoreSeconds work, int cores = 1, DateTimeOffset? deadline = null)
    {
        lock (_gate)
        {
            return Node(nodeId).Heater.StartTask(taskId, work, cores, _now, deadline);
        }
    }

    public CommandOutcome PauseTask(string nodeId, string taskId) => Command(nodeId, h => h.Pause(taskId));

    public CommandOutcome ResumeTask(string nodeId, string taskId) => Command(nodeId, h => h.Resume(taskId));

    public CommandOutcome CancelTask(string nodeId, string taskId) => Command(nodeId, h => h.Cancel(taskId));

    /// <summary>Failure injection: an offline node stops heating, computing and reporting until set online again.</summary>
    public void SetOnline(string nodeId, bool online)
    {
        lock (_gate)
        {
            Node(nodeId).Heater.SetOnline(online);
        }
    }

    /// <summary>The fleet's energy accounts since the start.</summary>
    public FleetEnergyBalance EnergyBalance()
    {
        lock (_gate)
        {
            var balance = new FleetEnergyBalance(
                WattHours.Zero, WattHours.Zero, WattHours.Zero, WattHours.Zero, WattHours.Zero, WattHours.Zero);
            foreach (var node in _nodes)
            {
                balance = balance with
                {
                    Electricity = balance.Electricity + node.Heater.EnergyCounter,
                    HeaterHeat = balance.HeaterHeat + node.Room.HeaterHeat,
                    InternalGains = balance.InternalGains + node.Room.InternalGains,
                    SolarGains = balance.SolarGains + node.Room.SolarGains,
                    Losses = balance.Losses + node.Room.Losses,
                    StoredChange = balance.StoredChange + node.Room.StoredChange,
                };
            }

            return balance;
        }
    }

    private NodeTelemetry? Snapshot(SimulatedNode node)
    {
        var heater = node.Heater;
        if (!heater.IsOnline)
        {
            return null;
        }

        node.Sequence++;
        return new NodeTelemetry(
            node.Info.NodeId,
            node.Info.SiteId,
            _now,
            node.Sequence,
            node.Room.AirTemperature,
            heater.Power,
            heater.PowerCap,
            heater.EnergyCounter,
            heater.WorkCounter,
            heater.Utilisation,
            heater.TaskUtilisation,
            heater.RunningTaskIds,
            heater.PausedTaskIds,
            heater.State);
    }

    private CommandOutcome Command(string nodeId, Func<SimulatedHeater, CommandOutcome> command)
    {
        lock (_gate)
        {
            return command(Node(nodeId).Heater);
        }
    }

    private SimulatedNode Node(string nodeId) =>
        _byId.TryGetValue(nodeId, out var node)
            ? node
            : throw new ArgumentException($"Unknown node '{nodeId}'. Nodes are named like {_nodes[0].Info.NodeId}.", nameof(nodeId));
}
