using GreenCompute.Actors;

namespace GreenCompute.Silo.Gateway;

/// <summary>Grain references to a silo across its gateway (see <see cref="GrainProxy"/>): cheap, nothing is sent until a call.</summary>
internal sealed class RemoteGrainFactory(GatewayClient client) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey =>
        GrainProxy.Create<TGrainInterface>(client, key);
}
