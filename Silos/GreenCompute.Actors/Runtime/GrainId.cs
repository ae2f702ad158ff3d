namespace GreenCompute.Actors.Runtime;

/// <summary>A grain's identity: its registration (one per grain class) and its key.</summary>
internal readonly record struct GrainId(GrainRegistration Registration, string Key)
{
    public override string ToString() => $"{Registration.GrainType}/{Key}";
}
