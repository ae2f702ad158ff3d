using System.Text.Json;
using System.Text.Json.Serialization;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Silo.Gateway;

/// <summary>An Ethereum address as its 0x… text (it has no public properties a serializer could use).</summary>
internal sealed class AddressJsonConverter : JsonConverter<Address>
{
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Address.TryParse(reader.GetString(), out var address) ? address : throw new JsonException("Expected an address: 0x and 40 hex digits.");

    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
