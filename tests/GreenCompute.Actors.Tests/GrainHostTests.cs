using GreenCompute.Actors.Tests.Fixtures;
using GreenCompute.Actors.Tests.Grains;

namespace GreenCompute.Actors.Tests;

public class GrainHostTests
{
    public interface IBadGrain : IGrainWithStringKey
    {
        int NotAsync();
    }

    [Fact]
    public async Task GetGrain_InterfaceNotRegistered_ThrowsNamingIt()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();

        var error = Assert.Throws<InvalidOperationException>(() => host.GetGrain<IBadGrain>("x"));

        Assert.Contains(nameof(IBadGrain), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetGrain_InternalInterface_IsCallable()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();

        Assert.Equal("h:hi", await host.GetGrain<IHiddenGrain>("h").Whisper("hi").Within("a call through an internal interface"));
    }

    [Fact]
    public void AddGrain_MethodNotReturningTask_ThrowsNamingTheMethod()
    {
        var host = new GrainHost(new InMemoryGrainStorage(), TimeProvider.System);

        var error = Assert.Throws<ArgumentException>(() => host.AddGrain<IBadGrain, BadGrain>(() => new BadGrain()));

        Assert.Contains("IBadGrain.NotAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_HostNotStartedOrStopped_FailsWithInvalidOperation()
    {
        var host = new GrainHost(new InMemoryGrainStorage(), TimeProvider.System);
        host.AddGrain<IWorkGrain, WorkGrain>(() => new WorkGrain(new GrainProbe()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.GetGrain<IWorkGrain>("w").Echo("early"));
        await host.StartAsync(CancellationToken.None);
        Assert.Equal("ok", await host.GetGrain<IWorkGrain>("w").Echo("ok").Within("a call on the running host"));
        await host.StopAsync(CancellationToken.None).Within("the host to stop");
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.GetGrain<IWorkGrain>("w").Echo("late"));
    }

    [Fact]
    public async Task GetGrain_SameKey_ReferencesAreEqualAndShareOneActivation()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();

        var first = host.GetGrain<ICounterGrain>("c");
        var second = host.GetGrain<ICounterGrain>("c");
        await first.Increment().Within("an increment through the first reference");

        Assert.Equal(first, second);
        Assert.Equal(2, await second.Increment().Within("an increment through the second reference"));
        Assert.Equal(1, host.ActivationCount);
    }

    private sealed class BadGrain : Grain, IBadGrain
    {
        public int NotAsync() => 0;
    }
}
