namespace GreenCompute.Actors.Tests.Grains;

/// <summary>Passes a call along a path of grains: grain-to-grain calls, and call cycles.</summary>
public interface IRelayGrain : IGrainWithStringKey
{
    /// <summary>Calls the first grain of <paramref name="path"/> with the rest; returns the keys visited.</summary>
    Task<string> Relay(string[] path);
}

internal sealed class RelayGrain(Fixtures.GrainProbe probe) : Grain, IRelayGrain
{
    public async Task<string> Relay(string[] path)
    {
        probe.Record($"relay:{GetPrimaryKeyString()}");
        if (path.Length == 0)
        {
            return GetPrimaryKeyString();
        }

        // The call is queued on the next grain (with its deadline) before "called" is recorded: tests that wait
        // for it know the call exists.
        var call = GrainFactory.GetGrain<IRelayGrain>(path[0]).Relay(path[1..]);
        probe.Record($"called:{GetPrimaryKeyString()}");
        var rest = await call;
        return $"{GetPrimaryKeyString()}>{rest}";
    }
}
