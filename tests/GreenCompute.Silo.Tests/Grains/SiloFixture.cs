using System.Collections.Concurrent;
using GreenCompute.Actors;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Time;
using GreenCompute.Core.Units;
using GreenCompute.Grains;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Silo.Tests.Grains;

/// <summary>A grain host with the silo's grains on a manual clock, a recording command sink, and its own state file.</summary>
internal sealed class SiloFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    public static readonly HeaterSpec Heater = new(16, new Watts(80), new Watts(1000));

    private readonly List<GrainHostError> _errors = [];

    private SiloFixture(string folder, ManualTimeProvider clock)
    {
        Folder = folder;
        Clock = clock;
    }

    public string Folder { get; }
    public ManualTimeProvider Clock { get; }
    public GrainHost Host { get; private set; } = null!;
    public SqliteGrainStorage Storage { get; private set; } = null!;
    public ConcurrentQueue<NodeCommand> Commands { get; } = new();
    public IReadOnlyList<GrainHostError> Errors => _errors;

    public static async Task<SiloFixture> StartAsync()
    {
        var fixture = new SiloFixture(Directory.CreateTempSubdirectory("gc-silo-").FullName, new ManualTimeProvider(Start));
        await fixture.StartHostAsync();
        return fixture;
    }

    /// <summary>Stops the host gracefully (state saved) and starts a new one on the same state file: a process restart.</summary>
    public async Task RestartAsync()
    {
        await StopHostAsync();
        await StartHostAsync();
    }

    public static NodeRegistration Registration(string nodeId) => new(
        nodeId, "site-1", nodeId, $"Room {nodeId}", Heater,
        ComfortScheduleDefinition.From(ComfortSchedule.Default(TimeSpan.FromHours(1))), RoomThermalModel.Default);

    public static NodeTelemetry Telemetry(string nodeId, DateTimeOffset time, long sequence, double room, double watts, double energyWh) =>
        new(nodeId, time, sequence, new Celsius(room), new Watts(watts), new WattHours(energyWh), 0.5, []);

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task StartHostAsync()
    {
        Storage = new SqliteGrainStorage(Path.Combine(Folder, "silo.db"));
        Host = new GrainHost(Storage, Clock, new GrainHostOptions { CallTimeout = Timeout.InfiniteTimeSpan }, e => { lock (_errors) { _errors.Add(e); } });
        SiloGrains.AddTo(Host, new RecordingSink(Commands), new NodeOptions(), new SchedulerOptions { AutoPlan = false });
        await Host.StartAsync(CancellationToken.None);
    }

    private async Task StopHostAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
        Storage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private sealed class RecordingSink(ConcurrentQueue<NodeCommand> commands) : INodeCommandSink
    {
        public Task SendAsync(NodeCommand command, CancellationToken cancellationToken)
        {
            commands.Enqueue(command);
            return Task.CompletedTask;
        }
    }
}
