using GreenCompute.Actors.Tests.Fixtures;
using GreenCompute.Actors.Tests.Grains;

namespace GreenCompute.Actors.Tests;

public class GrainStorageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Storage_WriteReadClear_FollowETags(string kind)
    {
        await using var context = new GrainTestContext();
        var storage = context.CreateStorage(kind);

        Assert.Null(await storage.ReadAsync<CounterState>("Counter", "k", None));
        var first = await storage.WriteAsync("Counter", "k", new CounterState { Count = 1 }, null, None);
        var second = await storage.WriteAsync("Counter", "k", new CounterState { Count = 2 }, first, None);
        var read = await storage.ReadAsync<CounterState>("Counter", "k", None);

        Assert.NotEqual(first, second);
        Assert.NotNull(read);
        Assert.Equal(2, read.State.Count);
        Assert.Equal(second, read.ETag);
        Assert.Null(await storage.ReadAsync<CounterState>("Counter", "other", None));
        Assert.Null(await storage.ReadAsync<CounterState>("OtherType", "k", None));

        await storage.ClearAsync("Counter", "k", second, None);
        Assert.Null(await storage.ReadAsync<CounterState>("Counter", "k", None));
        await storage.ClearAsync("Counter", "k", null, None);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Storage_StaleETag_ThrowsInconsistentStateNamingBothETags(string kind)
    {
        await using var context = new GrainTestContext();
        var storage = context.CreateStorage(kind);
        var first = await storage.WriteAsync("Counter", "k", new CounterState { Count = 1 }, null, None);
        var second = await storage.WriteAsync("Counter", "k", new CounterState { Count = 2 }, first, None);

        var staleWrite = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteAsync("Counter", "k", new CounterState { Count = 3 }, first, None));
        var blindInsert = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteAsync("Counter", "k", new CounterState { Count = 3 }, null, None));
        var staleClear = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync("Counter", "k", first, None));

        Assert.Equal(("Counter", "k", first, second), (staleWrite.GrainType, staleWrite.GrainKey, staleWrite.ExpectedETag, staleWrite.ActualETag));
        Assert.Null(blindInsert.ExpectedETag);
        Assert.Equal(second, blindInsert.ActualETag);
        Assert.Equal(second, staleClear.ActualETag);
        Assert.Contains("Counter/k", staleWrite.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await storage.ReadAsync<CounterState>("Counter", "k", None))!.State.Count);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task Storage_ETagOfDeletedRecord_DoesNotMatchARecreatedOne(string kind)
    {
        await using var context = new GrainTestContext();
        var storage = context.CreateStorage(kind);
        var old = await storage.WriteAsync("Counter", "k", new CounterState { Count = 1 }, null, None);
        await storage.ClearAsync("Counter", "k", old, None);
        await storage.WriteAsync("Counter", "k", new CounterState { Count = 5 }, null, None);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteAsync("Counter", "k", new CounterState { Count = 2 }, old, None));
    }

    [Fact]
    public async Task Sqlite_ManyParallelWriters_EachKeyKeepsItsLastWrite()
    {
        await using var context = new GrainTestContext();
        var storage = context.CreateSqlite();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            string? etag = null;
            for (var i = 1; i <= 50; i++)
            {
                etag = await storage.WriteAsync("Counter", $"k{writer}", new CounterState { Count = i }, etag, None);
                Assert.Equal(i, (await storage.ReadAsync<CounterState>("Counter", $"k{writer}", None))!.State.Count);
            }
        }))).Within("8 parallel writers");

        for (var writer = 0; writer < 8; writer++)
        {
            Assert.Equal(50, (await storage.ReadAsync<CounterState>("Counter", $"k{writer}", None))!.State.Count);
        }
    }
}
