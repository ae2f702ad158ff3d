using System.Collections.Frozen;
using System.Text.Json;
using GreenCompute.Ethereum.Abi;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Contracts.Artifacts;

/// <summary>
/// One compiled contract as Contracts/compile.mjs wrote it (artifacts/&lt;Name&gt;.json, embedded in this assembly):
/// its ABI as <see cref="AbiFunction"/>/<see cref="AbiEvent"/>/<see cref="AbiError"/> and its creation bytecode.
/// </summary>
public sealed class ContractArtifact
{
    private static readonly FrozenDictionary<string, Lazy<ContractArtifact>> Embedded = new[]
    {
        "ContributionLedger", "PayoutDistributor", "GreenCredit", "DeviceRegistry",
    }.ToFrozenDictionary(name => name, name => new Lazy<ContractArtifact>(() => LoadEmbedded(name)));

    private readonly FrozenDictionary<string, AbiFunction> _functions;
    private readonly FrozenDictionary<string, AbiEvent> _events;

    private ContractArtifact(string name, JsonElement json)
    {
        Name = name;
        var abi = json.GetProperty("abi").EnumerateArray().ToList();
        IEnumerable<JsonElement> OfType(string type) => abi.Where(e => e.GetProperty("type").GetString() == type);

        _functions = OfType("function")
            .Select(e => new AbiFunction(e.GetProperty("name").GetString()!, AbiJson.Parameters(e, "inputs"), AbiJson.Parameters(e, "outputs")))
            .ToFrozenDictionary(f => f.Name);
        _events = OfType("event")
            .Select(e => new AbiEvent(e.GetProperty("name").GetString()!, AbiJson.Parameters(e, "inputs"), e.TryGetProperty("anonymous", out var a) && a.GetBoolean()))
            .ToFrozenDictionary(e => e.Name);
        Errors = [.. OfType("error").Select(e => new AbiError(e.GetProperty("name").GetString()!, AbiJson.Parameters(e, "inputs")))];
        ConstructorInputs = OfType("constructor").Select(e => AbiJson.Parameters(e, "inputs")).FirstOrDefault() ?? [];
        Bytecode = HexConverter.FromHex(json.GetProperty("bytecode").GetString()!);
        DeployedBytecode = HexConverter.FromHex(json.GetProperty("deployedBytecode").GetString()!);
    }

    public string Name { get; }

    /// <summary>Creation code: deploy it followed by the abi-encoded constructor arguments.</summary>
    public byte[] Bytecode { get; }

    /// <summary>The runtime code eth_getCode returns after deployment (immutables filled with zeros here).</summary>
    public byte[] DeployedBytecode { get; }

    public IReadOnlyList<AbiParameter> ConstructorInputs { get; }

    /// <summary>Every custom error the contract declares or inherits, for <see cref="RevertReason.Decode"/>.</summary>
    public IReadOnlyList<AbiError> Errors { get; }

    public static ContractArtifact ContributionLedger => Embedded["ContributionLedger"].Value;

    public static ContractArtifact PayoutDistributor => Embedded["PayoutDistributor"].Value;

    public static ContractArtifact GreenCredit => Embedded["GreenCredit"].Value;

    public static ContractArtifact DeviceRegistry => Embedded["DeviceRegistry"].Value;

    /// <summary>Reads an artifact JSON (as compile.mjs writes it) from elsewhere than the embedded resources.</summary>
    public static ContractArtifact Parse(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ContractArtifact(name, document.RootElement);
    }

    /// <exception cref="KeyNotFoundException">The contract has no function of that name (overloads are not used here).</exception>
    public AbiFunction Function(string name) =>
        _functions.TryGetValue(name, out var function) ? function : throw new KeyNotFoundException($"{Name} has no function '{name}'.");

    public AbiEvent Event(string name) =>
        _events.TryGetValue(name, out var abiEvent) ? abiEvent : throw new KeyNotFoundException($"{Name} has no event '{name}'.");

    /// <summary>Init code for a deployment: <see cref="Bytecode"/> ‖ abi.encode(constructor arguments).</summary>
    public byte[] EncodeDeployment(params object?[] constructorArguments) =>
        [.. Bytecode, .. AbiEncoder.Encode(ConstructorInputs, constructorArguments)];

    private static ContractArtifact LoadEmbedded(string name)
    {
        var resource = $"GreenCompute.Contracts.Artifacts.{name}.json";
        using var stream = typeof(ContractArtifact).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded artifact {resource} is missing: run Contracts/compile.mjs and rebuild.");
        using var document = JsonDocument.Parse(stream);
        return new ContractArtifact(name, document.RootElement);
    }
}
