using GreenCompute.Actors.Tests.Fixtures;

namespace GreenCompute.Actors.Tests.Grains;

/// <summary>Turns that await, block, hold or throw: scheduling, timeouts and exception isolation.</summary>
public interface IWorkGrain : IGrainWithStringKey
{
    /// <summary>Records its turn as running across a few awaits (yields, and a short delay when asked).</summary>
    Task Work(bool delay);

    /// <summary>Blocks its thread on a barrier that another grain's turn must reach too.</summary>
    Task<bool> Meet(Barrier barrier);

    /// <summary>Waits for the probe's gate; records block-start and block-end.</summary>
    Task Block();

    Task Throw(string message);

    Task ThrowBeforeAwait(string message);

    Task<string> Echo(string text);
}

internal sealed class WorkGrain(GrainProbe probe) : Grain, IWorkGrain
{
    public async Task Work(bool delay)
    {
        var key = GetPrimaryKeyString();
        probe.Enter(key);
        await Task.Yield();
        if (delay)
        {
            await Task.Delay(1);
        }

        await Task.Yield();
        probe.Exit(key);
    }

    public Task<bool> Meet(Barrier barrier) => Task.FromResult(barrier.SignalAndWait(TaskWaits.Patience));

    public async Task Block()
    {
        probe.Record("block-start");
        await probe.Gate.Task;
        probe.Record("block-end");
    }

    public async Task Throw(string message)
    {
        await Task.Yield();
        throw new GrainTestException(message);
    }

    public Task ThrowBeforeAwait(string message) => throw new GrainTestException(message);

    public Task<string> Echo(string text) => Task.FromResult(text);
}
