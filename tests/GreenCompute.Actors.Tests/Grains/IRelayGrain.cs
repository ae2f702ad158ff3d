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

        var rest = await GrainFactory.GetGrain<IRelayGrain>(path[0]).Relay(path[1..]);
        return $"{GetPrimaryKeyString()}>{rest}";
    }
}
