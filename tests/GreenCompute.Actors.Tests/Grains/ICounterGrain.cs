using GreenCompute.Actors.Tests.Fixtures;

namespace GreenCompute.Actors.Tests.Grains;

/// <summary>A persistent counter: state, ETags, activation and deactivation.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> IncrementWithoutWrite();

    Task<int> Get();

    /// <summary>Which activation of this key answered (1 for the first).</summary>
    Task<int> GetActivationNumber();

    Task Deactivate();
}

internal sealed class CounterGrain(GrainProbe probe) : Grain<CounterState>, ICounterGrain
{
    private int _activation;

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

    public async Task<int> Increment()
    {
        State.Count++;
        await WriteStateAsync();
        return State.Count;
    }

    public Task<int> IncrementWithoutWrite() => Task.FromResult(++State.Count);

    public Task<int> Get() => Task.FromResult(State.Count);

    public Task<int> GetActivationNumber() => Task.FromResult(_activation);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
