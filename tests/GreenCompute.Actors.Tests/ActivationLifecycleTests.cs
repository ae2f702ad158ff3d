using GreenCompute.Actors.Tests.Fixtures;
using GreenCompute.Actors.Tests.Grains;

namespace GreenCompute.Actors.Tests;

public class ActivationLifecycleTests
{
    private static readonly GrainHostOptions Collection = new()
    {
        CollectionAge = TimeSpan.FromMinutes(10),
        CollectionInterval = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task FirstCall_StateAlreadyStored_ActivatesWithThatState()
    {
        await using var context = new GrainTestContext();
        var storage = new InMemoryGrainStorage();
        await storage.WriteAsync("CounterGrain", "c", new CounterState { Count = 41 }, null, CancellationToken.None);
        var host = await context.StartHostAsync(storage);

        var count = await host.GetGrain<ICounterGrain>("c").Increment().Within("the first call");

        Assert.Equal(42, count);
        Assert.Equal(1, context.Probe.ActivationsOf("c"));
        Assert.Equal(1, host.ActivationCount);
    }

    [Fact]
    public async Task Collector_IdleForCollectionAge_DeactivatesAndNextCallReloadsState()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync(options: Collection);
        var counter = host.GetGrain<ICounterGrain>("c");
        await counter.Increment().Within("the first increment");
        await counter.IncrementWithoutWrite().Within("an unsaved increment");
        var collected = context.Probe.When("deactivate:c:1:IdleCollection");

        context.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(collected.IsCompleted, "collected before CollectionAge");
        context.Clock.Advance(TimeSpan.FromMinutes(1));
        await collected;
        await host.WhenDeactivated<ICounterGrain>("c").Within("the deactivation to finish");

        Assert.Equal(0, host.ActivationCount);
        Assert.Equal(2, await counter.Get().Within("the call after collection"));
        Assert.Equal(2, await counter.GetActivationNumber());
    }

    [Fact]
    public async Task Collector_CalledWithinCollectionAge_KeepsActivation()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync(options: Collection);
        var counter = host.GetGrain<ICounterGrain>("c");

        for (var minute = 0; minute < 30; minute += 5)
        {
            await counter.Increment().Within($"the increment at minute {minute}");
            context.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(1, await counter.GetActivationNumber().Within("the last call"));
        Assert.Equal(1, host.ActivationCount);
    }

    [Fact]
    public async Task DeactivateOnIdle_DuringCall_DeactivatesAfterItAndNextCallReactivates()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();
        var counter = host.GetGrain<ICounterGrain>("c");
        await counter.IncrementWithoutWrite().Within("an unsaved increment");

        await counter.Deactivate().Within("the call asking for deactivation");
        var next = counter.Get();

        Assert.Equal(1, await next.Within("the call after deactivation"));
        Assert.Equal(2, await counter.GetActivationNumber());
        Assert.Contains("deactivate:c:1:ApplicationRequested", context.Probe.Log);
    }

    [Fact]
    public async Task OnActivateAsync_Throws_FailsTheCallAndDiscardsTheActivation()
    {
        await using var context = new GrainTestContext();
        context.Probe.FailingActivations = 1;
        var host = await context.StartHostAsync();
        var flaky = host.GetGrain<IFlakyGrain>("f");

        var failure = await Assert.ThrowsAsync<GrainTestException>(() => flaky.GetActivationNumber().Within("the failing activation"));

        Assert.Equal("activation 1 failed", failure.Message);
        Assert.Equal(0, host.ActivationCount);
        Assert.Equal(2, await flaky.GetActivationNumber().Within("the second activation"));
    }

    [Fact]
    public async Task Call_Throws_CallerGetsTheSameExceptionAndGrainStaysUsable()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();
        var grain = host.GetGrain<IWorkGrain>("w");

        var afterAwait = await Assert.ThrowsAsync<GrainTestException>(() => grain.Throw("after await").Within("a throwing call"));
        var beforeAwait = await Assert.ThrowsAsync<GrainTestException>(() => grain.ThrowBeforeAwait("before await").Within("a throwing call"));

        Assert.Equal("after await", afterAwait.Message);
        Assert.Equal("before await", beforeAwait.Message);
        Assert.Equal("still here", await grain.Echo("still here").Within("the call after the exceptions"));
        Assert.Equal(1, host.ActivationCount);
    }
}
