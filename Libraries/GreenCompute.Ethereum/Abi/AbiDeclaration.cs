namespace GreenCompute.Ethereum.Abi;

/// <summary>What <see cref="AbiSignatureParser"/> read from a function, event or error declaration.</summary>
internal sealed record AbiDeclaration(
    string Name,
    IReadOnlyList<AbiParameter> Inputs,
    IReadOnlyList<AbiParameter> Outputs,
    bool Anonymous);
