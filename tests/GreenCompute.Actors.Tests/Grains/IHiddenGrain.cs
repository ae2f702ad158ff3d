namespace GreenCompute.Actors.Tests.Grains;

/// <summary>An internal grain interface: the proxy generator must reach it.</summary>
internal interface IHiddenGrain : IGrainWithStringKey
{
    Task<string> Whisper(string text);
}

internal sealed class HiddenGrain : Grain, IHiddenGrain
{
    public Task<string> Whisper(string text) => Task.FromResult($"{GetPrimaryKeyString()}:{text}");
}
