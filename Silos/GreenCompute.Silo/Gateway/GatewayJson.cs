using System.Text.Json;
using System.Text.Json.Serialization;

namespace GreenCompute.Silo.Gateway;

/// <summary>The gateway's JSON on both ends: web defaults (camelCase, case-insensitive), enums as names.</summary>
internal static class GatewayJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new AddressJsonConverter() },
    };
}
