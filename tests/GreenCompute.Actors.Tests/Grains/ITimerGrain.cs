using GreenCompute.Actors.Tests.Fixtures;

namespace GreenCompute.Actors.Tests.Grains;

/// <summary>A grain with a timer; ticks are recorded as tick:{activation}:{n}.</summary>
public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(TimeSpan period, bool keepAlive = false);

    Task<int> GetActivationNumber();

    /// <summary>Waits for the probe's gate; records hold-start and hold-end.</summary>
    Task Hold();

    Task Deactivate();
}

internal sealed class TimerGrain(GrainProbe probe) : Grain, ITimerGrain
{
    private int _activation;
    private int _ticks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activation = probe.Activated(GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{GetPrimaryKeyString()}:{_activation}:{reason.Code}");
        return Task.CompletedTask;
    }

    public Task StartTimer(TimeSpan period, bool keepAlive)
    {
        RegisterGrainTimer(TickAsync, period, period, keepAlive);
        return Task.CompletedTask;
    }

    public Task<int> GetActivationNumber() => Task.FromResult(_activation);

    public async Task Hold()
    {
        probe.Enter(GetPrimaryKeyString());
        probe.Record("hold-start");
        await probe.Gate.Task;
        probe.Record("hold-end");
        probe.Exit(GetPrimaryKeyString());
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        probe.Enter(GetPrimaryKeyString());
        await Task.Yield();
        var tick = ++_ticks;
        probe.Exit(GetPrimaryKeyString());
        if (probe.FailingTicks > 0)
        {
            probe.FailingTicks--;
            probe.Record($"tick-failed:{_activation}:{tick}");
            throw new GrainTestException($"tick {tick} failed");
        }

        probe.Record($"tick:{_activation}:{tick}");
    }
}
