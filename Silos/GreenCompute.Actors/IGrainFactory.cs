namespace GreenCompute.Actors;

/// <summary>Hands out references to grains; used by hosts and, through <c>Grain.GrainFactory</c>, by grains.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// A reference to the grain of interface <typeparamref name="TGrainInterface"/> with key <paramref name="key"/>.
    /// Cheap: nothing is activated until the first call through the reference.
    /// </summary>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;
}
