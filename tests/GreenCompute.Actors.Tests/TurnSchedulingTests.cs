using GreenCompute.Actors.Tests.Fixtures;
using GreenCompute.Actors.Tests.Grains;

namespace GreenCompute.Actors.Tests;

public class TurnSchedulingTests
{
    [Fact]
    public async Task Calls_ManyParallelCallersOnOneGrain_NeverOverlap()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();
        var grain = host.GetGrain<IWorkGrain>("hot");

        var callers = Enumerable.Range(0, 32).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await grain.Work(delay: (caller + i) % 8 == 0);
            }
        }));
        await Task.WhenAll(callers).Within("800 calls on one grain");

        Assert.Equal(1, context.Probe.MaxOverlapInOneGrain);
    }

    [Fact]
    public async Task Calls_TwoGrains_RunInParallel()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();
        using var barrier = new Barrier(2);

        // Each turn blocks its thread until the other grain's turn reaches the barrier too.
        var a = host.GetGrain<IWorkGrain>("a").Meet(barrier);
        var b = host.GetGrain<IWorkGrain>("b").Meet(barrier);

        Assert.True(await a.Within("grain a at the barrier"), "grain a's turn never met grain b's");
        Assert.True(await b.Within("grain b at the barrier"), "grain b's turn never met grain a's");
    }

    [Fact]
    public async Task Calls_ToManyGrains_EachGrainStaysSequential()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();

        var calls = Enumerable.Range(0, 2000).Select(i => host.GetGrain<IWorkGrain>($"g{i % 50}").Work(delay: false));
        await Task.WhenAll(calls).Within("2000 calls on 50 grains");

        Assert.Equal(1, context.Probe.MaxOverlapInOneGrain);
        Assert.Equal(50, host.ActivationCount);
    }

    [Fact]
    public async Task Relay_GrainCallsGrain_ReturnsThroughTheChain()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();

        var visited = await host.GetGrain<IRelayGrain>("a").Relay(["b", "c"]).Within("a relay a>b>c");

        Assert.Equal("a>b>c", visited);
    }

    [Fact]
    public async Task Relay_CallCycleBackToCaller_TimesOutBecauseGrainsAreNotReentrant()
    {
        var options = new GrainHostOptions { CallTimeout = TimeSpan.FromSeconds(10) };
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync(options: options);
        var arrivedBack = context.Probe.When("called:b");

        // a calls b, b calls a: a is still in its first call, so b's call waits behind it. Once b's call is queued
        // (not merely b started: that raced), all three calls share one deadline and expire together.
        var cycle = host.GetGrain<IRelayGrain>("a").Relay(["b", "a"]);
        await arrivedBack;
        context.Clock.Advance(TimeSpan.FromSeconds(11));

        var timeout = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => cycle.Within("the cycle to time out"));
        Assert.Equal("RelayGrain/a", timeout.Grain);
        Assert.Equal("IRelayGrain.Relay", timeout.Method);
        Assert.Equal(1, context.Probe.Log.Count(e => e == "relay:a"));
    }
}
