using System.Numerics;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Messages;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Ethereum.Tests.Vectors;

namespace GreenCompute.Ethereum.Tests.Messages;

/// <summary>The "Mail" example of EIP-712 (assets/eip-712/Example.js), signed with keccak256("cow").</summary>
public class TypedDataTests
{
    private const string MailJson = """
        {
          "types": {
            "EIP712Domain": [
              { "name": "name", "type": "string" },
              { "name": "version", "type": "string" },
              { "name": "chainId", "type": "uint256" },
              { "name": "verifyingContract", "type": "address" }
            ],
            "Person": [ { "name": "name", "type": "string" }, { "name": "wallet", "type": "address" } ],
            "Mail": [ { "name": "from", "type": "Person" }, { "name": "to", "type": "Person" }, { "name": "contents", "type": "string" } ]
          },
          "primaryType": "Mail",
          "domain": { "name": "Ether Mail", "version": "1", "chainId": 1, "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
          "message": {
            "from": { "name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
            "to": { "name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
            "contents": "Hello, Bob!"
          }
        }
        """;

    private static readonly PrivateKey Cow = PrivateKey.FromBytes(Keccak256.HashUtf8("cow"));

    [Fact]
    public void Hashes_MailExample_MatchEip()
    {
        var mail = TypedData.FromJson(MailJson);

        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", TypedDataEncoder.EncodeType("Mail", mail.Types));
        Assert.Equal("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2", TestHex.Of(TypedDataEncoder.TypeHash("Mail", mail.Types)));
        Assert.Equal(
            "0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2fc71e5fa27ff56c350aa531bc129ebdf613b772b6604664f5d8dbe21b85eb0c8cd54f074a4af31b4411ff6a60c9719dbd559c221c8ac3492d9d872b041d703d1b5aadf3154a261abdd9086fc627b61efca26ae5702701d05cd2305f7c52a2fc8",
            TestHex.Of(TypedDataEncoder.EncodeData("Mail", mail.Message, mail.Types)));
        Assert.Equal("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", TestHex.Of(mail.GetMessageHash()));
        Assert.Equal("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", TestHex.Of(mail.GetDomainSeparator()));
        Assert.Equal("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", TestHex.Of(mail.GetSigningHash()));
    }

    [Fact]
    public void Sign_MailExampleWithCowKey_MatchesEipSignature()
    {
        var mail = TypedData.FromJson(MailJson);

        var signature = mail.Sign(Cow);

        Assert.Equal(Address.Parse("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826"), Cow.Address);
        Assert.Equal(28, 27 + signature.RecoveryId);
        Assert.Equal("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", TestHex.Of(signature.ToRsv()[..32]));
        Assert.Equal("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", TestHex.Of(signature.ToRsv()[32..64]));
        Assert.Equal(Cow.Address, mail.RecoverSigner(signature.ToRsv()));
    }

    [Fact]
    public void Sign_MailExampleWithHttpOrigin_MatchesEarlierEipRevision()
    {
        // An earlier revision of Example.js adds httpOrigin to the domain: the domain type is then taken from "types".
        var json = MailJson
            .Replace("""{ "name": "chainId", "type": "uint256" },""", """{ "name": "chainId", "type": "uint256" }, { "name": "httpOrigin", "type": "string" },""", StringComparison.Ordinal)
            .Replace("\"chainId\": 1,", "\"chainId\": 1, \"httpOrigin\": \"https://ether-mail.eth\",", StringComparison.Ordinal);
        var mail = TypedData.FromJson(json);

        var signature = mail.Sign(Cow);

        Assert.Equal("0xa5f5fa6b05af38f2e9d2889ac36f5a4ba31e20646781d23739de458d86d6593e", TestHex.Of(mail.GetSigningHash()));
        Assert.Equal(27, 27 + signature.RecoveryId);
        Assert.Equal("0x24040eda35064d96c51f3308b5fae290edae563327348886a366ed604e0c0480", TestHex.Of(signature.ToRsv()[..32]));
        Assert.Equal("0x42bbabf2fae4b00598596a99d577dde56ff9d013e861f611cfe7b0728e1cd057", TestHex.Of(signature.ToRsv()[32..64]));
    }

    [Fact]
    public void Constructor_NoDomainType_DerivesItFromDomainMembers()
    {
        var mail = TypedData.FromJson(MailJson);
        var types = mail.Types.Where(t => t.Key != TypedData.DomainTypeName).ToDictionary(t => t.Key, t => t.Value);
        var domain = new Dictionary<string, object?>
        {
            ["verifyingContract"] = Address.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"),
            ["chainId"] = BigInteger.One,
            ["name"] = "Ether Mail",
            ["version"] = "1",
        };

        var derived = new TypedData(types, "Mail", domain, mail.Message);

        Assert.Equal(mail.GetSigningHash(), derived.GetSigningHash());
    }

    [Fact]
    public void EncodeData_ArrayMember_HashesConcatenatedElementWords()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Person"] = [new("name", "string"), new("wallet", "address")],
            ["Group"] = [new("members", "Person[]"), new("ids", "uint256[2]")],
        };
        var alice = new Dictionary<string, object?> { ["name"] = "Alice", ["wallet"] = "0x" + new string('a', 40) };
        var group = new Dictionary<string, object?> { ["members"] = new object?[] { alice, alice }, ["ids"] = new object?[] { "7", "0x08" } };

        var encoded = TypedDataEncoder.EncodeData("Group", group, types);

        var personHash = TypedDataEncoder.HashStruct("Person", alice, types);
        byte[] id7 = [.. new byte[31], 7];
        byte[] id8 = [.. new byte[31], 8];
        Assert.Equal("Group(Person[] members,uint256[2] ids)Person(string name,address wallet)", TypedDataEncoder.EncodeType("Group", types));
        Assert.Equal(Keccak256.Hash([.. personHash, .. personHash]), encoded[32..64]);
        Assert.Equal(Keccak256.Hash([.. id7, .. id8]), encoded[64..96]);
    }
}
