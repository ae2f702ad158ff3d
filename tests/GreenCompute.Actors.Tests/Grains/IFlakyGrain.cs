using GreenCompute.Actors.Tests.Fixtures;

namespace GreenCompute.Actors.Tests.Grains;

/// <summary>A grain whose activation fails while the probe says so.</summary>
public interface IFlakyGrain : IGrainWithStringKey
{
    Task<int> GetActivationNumber();
}

internal sealed class FlakyGrain(GrainProbe probe) : Grain, IFlakyGrain
{
    private int _activation;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activation = probe.Activated(GetPrimaryKeyString());
        await Task.Yield();
        if (probe.FailingActivations > 0)
        {
            probe.FailingActivations--;
            throw new GrainTestException($"activation {_activation} failed");
        }
    }

    public Task<int> GetActivationNumber() => Task.FromResult(_activation);
}
