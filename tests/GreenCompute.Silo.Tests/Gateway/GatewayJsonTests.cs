using System.Text.Json;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Silo.Gateway;

namespace GreenCompute.Silo.Tests.Gateway;

public sealed class GatewayJsonTests
{
    [Fact]
    public void Address_RoundTripsAsItsText_AndGarbageIsAJsonError()
    {
        var address = Address.Parse("0x00000000000000000000000000000000000000aa");

        var json = JsonSerializer.Serialize(address, GatewayJson.Options);

        Assert.Equal("\"0x00000000000000000000000000000000000000aa\"", json.ToLowerInvariant());
        Assert.Equal(address, JsonSerializer.Deserialize<Address>(json, GatewayJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Address>("\"0x12\"", GatewayJson.Options));
    }
}
