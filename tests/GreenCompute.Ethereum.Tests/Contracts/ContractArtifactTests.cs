using GreenCompute.Contracts.Artifacts;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Ethereum.Tests.Contracts;

public class ContractArtifactTests
{
    public static TheoryData<string> Names => ["ContributionLedger", "PayoutDistributor", "GreenCredit", "DeviceRegistry"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Embedded_EachContract_HasBytecodeAndAbi(string name)
    {
        var artifact = name switch
        {
            "ContributionLedger" => ContractArtifact.ContributionLedger,
            "PayoutDistributor" => ContractArtifact.PayoutDistributor,
            "GreenCredit" => ContractArtifact.GreenCredit,
            _ => ContractArtifact.DeviceRegistry,
        };

        Assert.Equal(name, artifact.Name);
        Assert.True(artifact.Bytecode.Length > 1000);
        Assert.True(artifact.DeployedBytecode.Length < artifact.Bytecode.Length);
        Assert.NotEmpty(artifact.ConstructorInputs);
    }

    [Fact]
    public void Ledger_TupleParametersFromJsonAbi_CanonicalSignatures()
    {
        var ledger = ContractArtifact.ContributionLedger;

        Assert.Equal("commitEpoch(uint64,bytes32,bytes32,(uint64,uint64,uint64,uint64,uint32,uint128))", ledger.Function("commitEpoch").Signature);
        Assert.Equal("EpochCommitted(uint64,bytes32,bytes32,(uint64,uint64,uint64,uint64,uint32,uint128),address)", ledger.Event("EpochCommitted").Signature);
        Assert.Equal("verifyReceipt(uint64,bytes32,bytes32[])", ledger.Function("verifyReceipt").Signature);
        Assert.Contains(ledger.Errors, e => e.Signature == "EpochAlreadyCommitted(uint64)");
        Assert.Contains(ledger.Errors, e => e.Signature == "AccessControlUnauthorizedAccount(address,bytes32)");
    }

    [Fact]
    public void Parse_ArtifactJson_SameAsEmbedded()
    {
        const string json = """
            {"abi":[{"type":"constructor","inputs":[{"name":"a","type":"address"}]},
                     {"type":"function","name":"f","inputs":[{"name":"xs","type":"tuple[2][]","components":[{"name":"v","type":"uint8"}]}],"outputs":[]}],
             "bytecode":"0x6000","deployedBytecode":"0x"}
            """;

        var artifact = ContractArtifact.Parse("T", json);

        Assert.Equal("f((uint8)[2][])", artifact.Function("f").Signature);
        Assert.Equal("0x6000", HexConverter.ToHex(artifact.Bytecode));
        Assert.Throws<KeyNotFoundException>(() => artifact.Function("g"));
    }
}
