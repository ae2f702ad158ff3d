namespace GreenCompute.Actors;

/// <summary>A grain interface whose grains are identified by a string key (a node id, a site id, a job id).</summary>
public interface IGrainWithStringKey : IGrain
{
}
