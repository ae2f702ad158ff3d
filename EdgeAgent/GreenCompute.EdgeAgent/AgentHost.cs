using GreenCompute.EdgeAgent.Commands;
using GreenCompute.EdgeAgent.Configuration;
using GreenCompute.EdgeAgent.Content;
using GreenCompute.EdgeAgent.Messaging;
using GreenCompute.EdgeAgent.Outbox;
using GreenCompute.EdgeAgent.Pairing;
using GreenCompute.EdgeAgent.Power;
using GreenCompute.EdgeAgent.Receipts;
using GreenCompute.EdgeAgent.Sandbox;
using GreenCompute.EdgeAgent.Sensors;
using GreenCompute.EdgeAgent.State;
using GreenCompute.EdgeAgent.Tasks;
using GreenCompute.EdgeAgent.Telemetry;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Grains.Ledger.Receipts;
using Microsoft.Extensions.Logging;

namespace GreenCompute.EdgeAgent;

/// <summary>
/// One agent, wired: state folder (key, SQLite), sensors, power limiter, task supervisor with the kernel and sandbox
/// launchers, MQTT link, outbox pump and telemetry loop. <see cref="StartAsync"/> connects (retrying until the broker
/// answers), resumes the tasks that were running, and starts the loops; <see cref="DisposeAsync"/> stops them, kills the
/// task processes (their rows stay "running" and resume on the next start) and says "offline".
/// </summary>
internal sealed class AgentHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private Task _pump = Task.CompletedTask;

    public AgentHost(AgentOptions options, string nodeId, BrokerEndpoint broker, TimeProvider time, ILoggerFactory loggers, IContentClient? content = null)
    {
        Options = options;
        NodeId = nodeId;
        _logger = loggers.CreateLogger("GreenCompute.EdgeAgent");
        Directory.CreateDirectory(options.StateFolder);
        Directory.CreateDirectory(options.TasksFolder);
        Database = new AgentDatabase(options.DatabaseFile);
        Outbox = new EventOutbox(Database);
        Key = DeviceKeyStore.LoadOrCreate(options.StateFolder);
        var domain = new ReceiptDomain(options.ChainId, Address.Parse(options.LedgerAddress));
        Receipts = new ReceiptPublisher(new ReceiptSigner(Key, domain), nodeId, Database, Outbox);
        Limiter = CreateLimiter(options, time, out var limiterNote);
        LimiterNote = limiterNote;
        SandboxProblems = SandboxProbe.Problems(options.Sandbox, SandboxProbe.IsRoot());
        Events = new TaskEvents(nodeId, Outbox, time, _logger);
        Tasks = new TaskSupervisor(new TaskTable(Database), Events,
            [new KernelLauncher(), new SandboxLauncher(options.Sandbox, options.AllowedCommands, SandboxProblems)],
            Limiter, options.TasksFolder, time, content, Receipts)
        {
            ProgressEvery = options.ProgressEvery,
            CoreLimit = options.Heater.Cores,
        };
        Commands = new CommandHandler(nodeId, options.Heater, Tasks, Limiter, _logger);
        Link = new AgentLink(broker, nodeId, time, _logger);
        Link.CommandReceived = payload => new ValueTask(Commands.HandleAsync(payload, _stop.Token));
        Pump = new OutboxPump(Outbox, Link.Client, time, _logger);
        Sensors = CreateSensors(options, time, new Core.Units.WattHours(Database.GetCounter(TelemetryLoop.EnergyCounter) ?? 0));
        Telemetry = new TelemetryLoop(nodeId, options.Heater, Sensors, Tasks, Commands, Database, Link.Client, time, _logger, Receipts)
        {
            Period = options.TelemetryPeriod,
            ReadingEvery = options.ReadingEvery,
        };
    }

    public AgentOptions Options { get; }

    public string NodeId { get; }

    public AgentDatabase Database { get; }

    public EventOutbox Outbox { get; }

    public Ethereum.Signing.PrivateKey Key { get; }

    public ReceiptPublisher Receipts { get; }

    public IPowerLimiter Limiter { get; }

    public string LimiterNote { get; }

    public IReadOnlyList<string> SandboxProblems { get; }

    public TaskEvents Events { get; }

    public TaskSupervisor Tasks { get; }

    public CommandHandler Commands { get; }

    public AgentLink Link { get; }

    public OutboxPump Pump { get; }

    public ISensorSource Sensors { get; }

    public TelemetryLoop Telemetry { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        await Link.ConnectAsync(linked.Token).ConfigureAwait(false);
        _pump = Task.Run(() => Pump.RunAsync(_stop.Token), CancellationToken.None);
        await Tasks.RecoverAsync(_stop.Token).ConfigureAwait(false);
        Telemetry.Start();
    }

    public async ValueTask DisposeAsync()
    {
        Telemetry.Dispose();
        Tasks.StopAll();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Link.GoOfflineAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is TimeoutException or ObjectDisposedException or OperationCanceledException
            or Mqtt.Client.MqttClientNotConnectedException)
        {
            // Broker away at shutdown: the last will says "offline" for us.
            AgentLog.StatusNotSent(_logger, error.Message);
        }

        // Disposing the client fails the publishes still waiting for a PUBACK, which ends the pump; their rows stay in
        // the outbox and are sent again by the next start.
        await Link.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The pump ends by cancellation.
        }

        Limiter.Dispose();
        _stop.Dispose();
    }

    private static IPowerLimiter CreateLimiter(AgentOptions options, TimeProvider time, out string note)
    {
        var root = options.CgroupRoot ?? FindCgroup2Mount();
        var reason = "no cgroup2 mount";
        if (root is not null && CgroupCpuMaxLimiter.TryCreate(root, $"greencompute-agent-{Environment.ProcessId}", out reason) is { } cgroup)
        {
            note = cgroup.Name;
            return cgroup;
        }

        note = $"SIGSTOP/SIGCONT duty cycling ({reason})";
        return new DutyCycleLimiter(time);
    }

    private static ISensorSource CreateSensors(AgentOptions options, TimeProvider time, Core.Units.WattHours energy)
    {
        var room = new SimulatedRoomSensors(options.Heater, time, options.InitialRoomTemperature, options.OutdoorTemperature, energy);
        return options.Sensors == "simulated"
            ? room
            : new HostSensors(room, RaplEnergyReader.Open(options.SysRoot), TemperatureReader.Open(options.SysRoot), time, energy);
    }

    /// <summary>The cgroup2 mount point from /proc/mounts ("/sys/fs/cgroup" on pure v2, ".../unified" on hybrid hosts).</summary>
    internal static string? FindCgroup2Mount()
    {
        if (!File.Exists("/proc/mounts"))
        {
            return null;
        }

        return File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).FirstOrDefault(p => p.Length > 2 && p[2] == "cgroup2")?[1];
    }
}
