using GreenCompute.Actors.Tests.Fixtures;
using GreenCompute.Actors.Tests.Grains;

namespace GreenCompute.Actors.Tests;

public class GrainTimerTests
{
    // Shorter than the default CallTimeout (30 s): a call held across one period must not time out.
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Timer_ClockAdvancesOnePeriodAtATime_TicksOncePerPeriod()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();
        await host.GetGrain<ITimerGrain>("t").StartTimer(Period).Within("the timer to start");

        for (var tick = 1; tick <= 3; tick++)
        {
            var ticked = context.Probe.When($"tick:1:{tick}");
            context.Clock.Advance(Period);
            await ticked;
        }

        Assert.Equal(3, context.Probe.Log.Count(e => e.StartsWith("tick:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Timer_FallsDueDuringACall_RunsAfterTheCall()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync();
        var grain = host.GetGrain<ITimerGrain>("t");
        await grain.StartTimer(Period).Within("the timer to start");
        var holding = context.Probe.When("hold-start");
        var ticked = context.Probe.When("tick:1:1");

        var hold = grain.Hold();
        await holding;
        context.Clock.Advance(Period);
        context.Probe.Gate.SetResult();
        await hold.Within("the holding call");
        await ticked;

        var log = context.Probe.Log;
        Assert.True(log.ToList().IndexOf("hold-end") < log.ToList().IndexOf("tick:1:1"), string.Join(", ", log));
        Assert.Equal(1, context.Probe.MaxOverlapInOneGrain);
    }

    [Fact]
    public async Task Timer_GrainDeactivated_TimerIsDisposedAndNewActivationStartsWithout()
    {
        await using var context = new GrainTestContext();
        var clock = new CountingTimeProvider(context.Clock);
        var host = await context.StartHostAsync(clock: clock);
        var grain = host.GetGrain<ITimerGrain>("t");
        var hostTimers = clock.LiveTimers;
        await grain.StartTimer(Period).Within("the timer to start");
        Assert.Equal(hostTimers + 1, clock.LiveTimers);

        await grain.Deactivate().Within("the call asking for deactivation");
        await host.WhenDeactivated<ITimerGrain>("t").Within("the deactivation");
        Assert.Equal(hostTimers, clock.LiveTimers);
        context.Clock.Advance(Period * 5);
        context.Probe.Gate.SetResult();
        await grain.Hold().Within("a call on the new activation");

        Assert.DoesNotContain(context.Probe.Log, e => e.StartsWith("tick:", StringComparison.Ordinal));
        Assert.Equal(2, context.Probe.ActivationsOf("t"));
    }

    [Fact]
    public async Task Timer_CallbackThrows_IsReportedAndKeepsTicking()
    {
        await using var context = new GrainTestContext();
        context.Probe.FailingTicks = 1;
        var host = await context.StartHostAsync();
        await host.GetGrain<ITimerGrain>("t").StartTimer(Period).Within("the timer to start");

        var failed = context.Probe.When("tick-failed:1:1");
        context.Clock.Advance(Period);
        await failed;
        var ticked = context.Probe.When("tick:1:2");
        context.Clock.Advance(Period);
        await ticked;

        var error = Assert.Single(context.TakeErrors());
        Assert.Equal("TimerGrain/t", error.Grain);
        Assert.Equal("Timer", error.Operation);
        Assert.IsType<GrainTestException>(error.Exception);
    }

    [Fact]
    public async Task Timer_OnlyTicksForCollectionAge_GrainIsCollectedAndTimerStops()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync(options: Collection);
        await host.GetGrain<ITimerGrain>("t").StartTimer(TimeSpan.FromMinutes(1)).Within("the timer to start");
        await AdvanceMinutesAwaitingTicks(context, 9);

        var collected = context.Probe.When("deactivate:t:1:IdleCollection");
        context.Clock.Advance(TimeSpan.FromMinutes(1));
        await collected;
        await host.WhenDeactivated<ITimerGrain>("t").Within("the deactivation");

        Assert.Equal(0, host.ActivationCount);
    }

    [Fact]
    public async Task Timer_KeepAlive_TicksKeepTheGrainPastCollectionAge()
    {
        await using var context = new GrainTestContext();
        var host = await context.StartHostAsync(options: Collection);
        var grain = host.GetGrain<ITimerGrain>("t");
        await grain.StartTimer(TimeSpan.FromMinutes(1), keepAlive: true).Within("the timer to start");

        await AdvanceMinutesAwaitingTicks(context, 30);

        Assert.Equal(1, await grain.GetActivationNumber().Within("a call after 30 minutes of ticks"));
        Assert.DoesNotContain(context.Probe.Log, e => e.StartsWith("deactivate:", StringComparison.Ordinal));
    }

    private static readonly GrainHostOptions Collection = new()
    {
        CollectionAge = TimeSpan.FromMinutes(10),
        CollectionInterval = TimeSpan.FromMinutes(1),
    };

    private static async Task AdvanceMinutesAwaitingTicks(GrainTestContext context, int minutes)
    {
        for (var tick = 1; tick <= minutes; tick++)
        {
            var ticked = context.Probe.When($"tick:1:{tick}");
            context.Clock.Advance(TimeSpan.FromMinutes(1));
            await ticked;
        }
    }
}
