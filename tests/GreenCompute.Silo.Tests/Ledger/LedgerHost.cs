using GreenCompute.Actors;
using GreenCompute.Core.Ledger;
using GreenCompute.Core.Time;
using GreenCompute.Core.Units;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Silo.Tests.Ledger;

/// <summary>
/// A grain host with the ledger grains on a manual clock and its own SQLite file; no timer ticks unless asked (the
/// tests call CloseDueEpochs / PumpOutbox). <see cref="RestartAsync"/> stops the host gracefully and starts a new one on the
/// same file, as a silo restart would.
/// </summary>
internal sealed class LedgerHost : IAsyncDisposable
{
    /// <summary>10:00 UTC, the start of an hourly epoch.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private readonly List<GrainHostError> _errors = [];
    private readonly IChainCommitter _committer;
    private readonly LedgerOptions _options;

    private LedgerHost(string folder, IChainCommitter committer, LedgerOptions options)
    {
        Folder = folder;
        _committer = committer;
        _options = options;
    }

    public string Folder { get; }

    public ManualTimeProvider Clock { get; } = new(Start);

    public GrainHost Host { get; private set; } = null!;

    private SqliteGrainStorage Storage { get; set; } = null!;

    public ReceiptDomain Domain => _options.Domain;

    public IReadOnlyList<GrainHostError> Errors => _errors;

    public ILedgerGrain Ledger => Host.GetGrain<ILedgerGrain>(LedgerGrains.LedgerKey);

    public static long EpochAt(DateTimeOffset time) => LedgerRules.Default.Clock.EpochOf(time);

    public static async Task<LedgerHost> StartAsync(Func<string, IChainCommitter> committer, ReceiptDomain domain, LedgerOptions? options = null, bool autoTick = false)
    {
        var folder = Directory.CreateTempSubdirectory("gc-ledger-").FullName;
        var host = new LedgerHost(folder, committer(folder), (options ?? new LedgerOptions()) with { AutoTick = autoTick, Domain = domain });
        await host.StartHostAsync();
        return host;
    }

    public async Task<TestDevice> PairAsync(string nodeId, Address payout, string zone = "DE")
    {
        var key = PrivateKey.Generate();
        Assert.Null(await Ledger.Pair(new NodeAccount(nodeId, key.Address.ToString(), payout.ToString(), zone)));
        return new TestDevice(nodeId, new ReceiptSigner(key, Domain));
    }

    /// <summary>
    /// One hour of a node from <paramref name="epochStart"/>: counter +1,000 Wh (+500 while the room wanted heat) and one
    /// task of 3,600 core-seconds, all accepted; at 80 EUR/MWh that pays 80,000 + 5,000 µEUR.
    /// </summary>
    public async Task RecordHourAsync(TestDevice device, DateTimeOffset epochStart, ulong counterWh)
    {
        await Ledger.SetPrice("DE", epochStart, new EurPerMwh(80));
        await AcceptAsync(device.Reading(At(epochStart), counterWh, wanted: true));
        await AcceptAsync(device.Reading(At(epochStart.AddMinutes(30)), counterWh + 500, wanted: false));
        await AcceptAsync(device.Completion(At(epochStart.AddMinutes(45)), $"task-{epochStart:HHmm}", 3_600));
        await AcceptAsync(device.Reading(At(epochStart.AddMinutes(59)), counterWh + 1_000, wanted: true));
    }

    /// <summary>Moves the clock past the epoch's close grace and closes it.</summary>
    public async Task<IReadOnlyList<long>> CloseHourAsync(DateTimeOffset epochStart)
    {
        At(epochStart + TimeSpan.FromHours(1) + LedgerRules.Default.CloseGrace);
        return await Ledger.CloseDueEpochs();
    }

    public async Task AcceptAsync(SignedMeterReading reading)
    {
        var verdict = await Ledger.SubmitReading(reading);
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    public async Task AcceptAsync(SignedTaskCompletion completion)
    {
        var verdict = await Ledger.SubmitCompletion(completion);
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    /// <summary>Stops the host gracefully (state saved) and starts a new one on the same state file.</summary>
    public async Task RestartAsync()
    {
        await StopHostAsync();
        await StartHostAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private DateTimeOffset At(DateTimeOffset time)
    {
        if (time > Clock.GetUtcNow())
        {
            Clock.AdvanceTo(time);
        }

        return time;
    }

    private async Task StartHostAsync()
    {
        Storage = new SqliteGrainStorage(Path.Combine(Folder, "silo.db"));
        Host = new GrainHost(Storage, Clock, new GrainHostOptions { CallTimeout = Timeout.InfiniteTimeSpan }, e => { lock (_errors) { _errors.Add(e); } });
        LedgerGrains.AddTo(Host, _committer, _options);
        await Host.StartAsync(CancellationToken.None);
    }

    private async Task StopHostAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
        Storage.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
