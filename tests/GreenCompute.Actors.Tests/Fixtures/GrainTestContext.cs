using System.Collections.Concurrent;
using GreenCompute.Actors.Tests.Grains;
using GreenCompute.Core.Time;

namespace GreenCompute.Actors.Tests.Fixtures;

/// <summary>
/// One test's world: its own temp folder (deleted at the end), a manual clock, a probe, and the hosts and stores
/// it made (stopped and closed at the end). Disposal fails the test if a host reported an error the test did
/// not take with <see cref="TakeErrors"/>.
/// </summary>
internal sealed class GrainTestContext : IAsyncDisposable
{
    private readonly List<GrainHost> _hosts = [];
    private readonly List<IDisposable> _stores = [];
    private readonly ConcurrentQueue<GrainHostError> _errors = new();

    public GrainTestContext()
    {
        Folder = Path.Combine(Path.GetTempPath(), "gc-actors-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public ManualTimeProvider Clock { get; } = new();

    public GrainProbe Probe { get; } = new();

    public string SqlitePath => Path.Combine(Folder, "grains.db");

    public SqliteGrainStorage CreateSqlite()
    {
        var storage = new SqliteGrainStorage(SqlitePath);
        _stores.Add(storage);
        return storage;
    }

    public IGrainStorage CreateStorage(string kind) => kind switch
    {
        "memory" => new InMemoryGrainStorage(),
        "sqlite" => CreateSqlite(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "memory or sqlite"),
    };

    /// <summary>A started host with every test grain registered, on the test's clock unless given another.</summary>
    public async Task<GrainHost> StartHostAsync(IGrainStorage? storage = null, GrainHostOptions? options = null, TimeProvider? clock = null)
    {
        var host = new GrainHost(storage ?? new InMemoryGrainStorage(), clock ?? Clock, options, _errors.Enqueue);
        var probe = Probe;
        host.AddGrain<ICounterGrain, CounterGrain>(() => new CounterGrain(probe));
        host.AddGrain<IWorkGrain, WorkGrain>(() => new WorkGrain(probe));
        host.AddGrain<ITimerGrain, TimerGrain>(() => new TimerGrain(probe));
        host.AddGrain<IRelayGrain, RelayGrain>(() => new RelayGrain(probe));
        host.AddGrain<IFlakyGrain, FlakyGrain>(() => new FlakyGrain(probe));
        host.AddGrain<IHiddenGrain, HiddenGrain>(() => new HiddenGrain());
        _hosts.Add(host);
        await host.StartAsync(CancellationToken.None);
        return host;
    }

    public IReadOnlyList<GrainHostError> TakeErrors()
    {
        var taken = new List<GrainHostError>();
        while (_errors.TryDequeue(out var error))
        {
            taken.Add(error);
        }

        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        // Let any grain waiting on the gate finish, or stopping would wait for it.
        Probe.Gate.TrySetResult();
        foreach (var host in _hosts)
        {
            await host.DisposeAsync().AsTask().Within("the grain host to stop");
        }

        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Directory.Delete(Folder, recursive: true);
        var errors = TakeErrors();
        Assert.True(errors.Count == 0, "Grain host reported errors: " + string.Join("; ", errors));
    }
}
