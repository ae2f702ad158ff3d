using GreenCompute.Actors.Tests.Fixtures;
using GreenCompute.Actors.Tests.Grains;

namespace GreenCompute.Actors.Tests;

public class CallTimeoutTests
{
    private static readonly GrainHostOptions Options = new() { CallTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Call_NeverCompletes_TimesOutWhenTheHostClockPassesCallTimeout()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync(options: Options);
        var grain = host.GetGrain<IWorkGrain>("w");
        var started = context.Probe.When("block-start");

        var call = grain.Block();
        await started;
        context.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(call.IsCompleted, "the call ended before CallTimeout");
        context.Clock.Advance(TimeSpan.FromSeconds(1));

        var timeout = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.Within("the call to time out"));
        Assert.Equal("WorkGrain/w", timeout.Grain);
        Assert.Equal("IWorkGrain.Block", timeout.Method);
        Assert.Equal(TimeSpan.FromSeconds(10), timeout.Timeout);
        Assert.Contains("IWorkGrain.Block", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_QueuedBehindAStuckCall_TimesOutTooAndGrainRecoversAfterwards()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync(options: Options);
        var grain = host.GetGrain<IWorkGrain>("w");
        var started = context.Probe.When("block-start");
        var stuck = grain.Block();
        await started;

        var queued = grain.Echo("queued");
        context.Clock.Advance(TimeSpan.FromSeconds(11));

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => stuck.Within("the stuck call to time out"));
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => queued.Within("the queued call to time out"));
        context.Probe.Gate.SetResult();
        Assert.Equal("later", await grain.Echo("later").Within("a call once the stuck turn ended"));
    }
}
