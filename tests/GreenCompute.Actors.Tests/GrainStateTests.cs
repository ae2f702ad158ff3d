using GreenCompute.Actors.Tests.Fixtures;
using GreenCompute.Actors.Tests.Grains;

namespace GreenCompute.Actors.Tests;

public class GrainStateTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task WriteState_StoreChangedBehindTheGrain_ThrowsInconsistentStateAtTheCaller(string kind)
    {
        await using var context = new GrainTestContext();
        var storage = context.CreateStorage(kind);
        var host = await context.StartHostAsync(storage);
        var counter = host.GetGrain<ICounterGrain>("c");
        await counter.Increment().Within("the first increment");

        var stored = await storage.ReadAsync<CounterState>("CounterGrain", "c", None);
        await storage.WriteAsync("CounterGrain", "c", new CounterState { Count = 100 }, stored!.ETag, None);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => counter.Increment().Within("the conflicting increment"));
        Assert.Equal("CounterGrain", conflict.GrainType);
        Assert.Equal("c", conflict.GrainKey);
        Assert.Equal(stored.ETag, conflict.ExpectedETag);
        Assert.Equal(100, (await storage.ReadAsync<CounterState>("CounterGrain", "c", None))!.State.Count);

        // The grain lives on; the shutdown save conflicts too, and is reported.
        await host.StopAsync(None).Within("the host to stop");
        var error = Assert.Single(context.TakeErrors());
        Assert.Equal("WriteStateOnDeactivate", error.Operation);
        Assert.IsType<InconsistentStateException>(error.Exception);
    }

    [Fact]
    public async Task WriteState_TwoHostsOnOneSqliteFile_TheStaleHostGetsInconsistentState()
    {
        await using var context = new GrainTestContext();
        var first = await context.StartHostAsync(context.CreateSqlite());
        var second = await context.StartHostAsync(context.CreateSqlite());

        Assert.Equal(1, await first.GetGrain<ICounterGrain>("c").Increment().Within("host 1's increment"));
        Assert.Equal(2, await second.GetGrain<ICounterGrain>("c").Increment().Within("host 2's increment"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => first.GetGrain<ICounterGrain>("c").Increment().Within("host 1's stale increment"));
        await first.StopAsync(None).Within("host 1 to stop");
        Assert.Single(context.TakeErrors(), e => e.Exception is InconsistentStateException);
    }

    [Fact]
    public async Task Sqlite_ProcessRestart_NewHostOnTheSameFileSeesTheState()
    {
        await using var context = new GrainTestContext();
        var storage = new SqliteGrainStorage(context.SqlitePath);
        await using (var before = await context.StartHostAsync(storage))
        {
            var counter = before.GetGrain<ICounterGrain>("c");
            for (var i = 0; i < 3; i++)
            {
                await counter.Increment().Within($"increment {i + 1}");
            }
        }

        storage.Dispose();

        var after = await context.StartHostAsync(context.CreateSqlite());
        Assert.Equal(3, await after.GetGrain<ICounterGrain>("c").Get().Within("the call after the restart"));
    }

    [Fact]
    public async Task StopAsync_StateChangedButNotWritten_IsSavedWithShuttingDown()
    {
        await using var context = new GrainTestContext();
        var storage = context.CreateSqlite();
        var host = await context.StartHostAsync(storage);
        for (var key = 0; key < 20; key++)
        {
            await host.GetGrain<ICounterGrain>($"c{key}").IncrementWithoutWrite().Within($"an unsaved increment on c{key}");
        }

        await host.GetGrain<ICounterGrain>("c0").IncrementWithoutWrite().Within("a second unsaved increment");
        await host.StopAsync(None).Within("the host to stop");

        Assert.Equal(0, host.ActivationCount);
        Assert.Equal(2, (await storage.ReadAsync<CounterState>("CounterGrain", "c0", None))!.State.Count);
        Assert.Equal(1, (await storage.ReadAsync<CounterState>("CounterGrain", "c19", None))!.State.Count);
        Assert.Contains("deactivate:c7:1:ShuttingDown", context.Probe.Log);
    }
}
