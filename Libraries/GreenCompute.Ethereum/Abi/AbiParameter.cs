namespace GreenCompute.Ethereum.Abi;

/// <summary>A named parameter of a function, event, error or tuple; <paramref name="Indexed"/> only for events.</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false)
{
    public override string ToString() => Type.CanonicalName + (Indexed ? " indexed" : string.Empty) + (Name.Length > 0 ? " " + Name : string.Empty);
}
