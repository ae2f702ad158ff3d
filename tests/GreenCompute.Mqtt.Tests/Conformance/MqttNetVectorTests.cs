using System.Text;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Conformance;

/// <summary>
/// vectors/mqtt/mqttnet_v3_binary_vectors.json: 27 MQTT 3.1/3.1.1 packets from MQTTnet's serializer tests. The packet
/// each vector describes (its C# initializer text) is hand-translated below; the bytes come from the file.
/// </summary>
public sealed class MqttNetVectorTests
{
    private const string VectorFile = "mqtt/mqttnet_v3_binary_vectors.json";

    private static readonly Dictionary<string, Func<MqttPacket>> Packets = new()
    {
        ["DeserializeV310_MqttConnAckPacket"] = ConnAckV310,
        ["DeserializeV311_MqttConnAckPacket"] = ConnAckV311,
        ["DeserializeV311_MqttConnectPacket"] = () => Connect(MqttProtocolVersion.V311),
        ["DeserializeV311_MqttConnectPacketWithWillMessage"] = ConnectWithWill,
        ["DeserializeV311_MqttPubAckPacket"] = () => new MqttPubAckPacket { PacketIdentifier = 123 },
        ["DeserializeV311_MqttPubCompPacket"] = () => new MqttPubCompPacket { PacketIdentifier = 123 },
        ["DeserializeV311_MqttPublishPacket"] = Publish,
        ["DeserializeV311_MqttPubRecPacket"] = () => new MqttPubRecPacket { PacketIdentifier = 123 },
        ["DeserializeV311_MqttPubRelPacket"] = () => new MqttPubRelPacket { PacketIdentifier = 123 },
        ["DeserializeV311_MqttSubAckPacket"] = SubAck,
        ["DeserializeV311_MqttSubscribePacket"] = Subscribe,
        ["DeserializeV311_MqttUnsubAckPacket"] = () => new MqttUnsubAckPacket { PacketIdentifier = 123 },
        ["DeserializeV311_MqttUnsubscribePacket"] = Unsubscribe,
        ["SerializeV310_MqttConnAckPacket"] = ConnAckV310,
        ["SerializeV310_MqttConnectPacket"] = () => Connect(MqttProtocolVersion.V310),
        ["SerializeV311_MqttConnAckPacket"] = ConnAckV311,
        ["SerializeV311_MqttConnectPacket"] = () => Connect(MqttProtocolVersion.V311),
        ["SerializeV311_MqttConnectPacketWithWillMessage"] = ConnectWithWill,
        ["SerializeV311_MqttPubAckPacket"] = () => new MqttPubAckPacket { PacketIdentifier = 123 },
        ["SerializeV311_MqttPubCompPacket"] = () => new MqttPubCompPacket { PacketIdentifier = 123 },
        ["SerializeV311_MqttPublishPacket"] = Publish,
        ["SerializeV311_MqttPubRecPacket"] = () => new MqttPubRecPacket { PacketIdentifier = 123 },
        ["SerializeV311_MqttPubRelPacket"] = () => new MqttPubRelPacket { PacketIdentifier = 123 },
        ["SerializeV311_MqttSubAckPacket"] = SubAck,
        ["SerializeV311_MqttSubscribePacket"] = Subscribe,
        ["SerializeV311_MqttUnsubAckPacket"] = () => new MqttUnsubAckPacket { PacketIdentifier = 123 },
        ["SerializeV311_MqttUnsubscribePacket"] = Unsubscribe,
    };

    public static TheoryData<string> VectorNames => [.. Packets.Keys];

    [Fact]
    public void VectorFile_AllVectors_HaveATranslatedPacket()
    {
        using var json = SharedVectors.LoadJson(VectorFile);
        var names = json.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.GetProperty("test").GetString()!).ToList();

        Assert.Equal(27, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), Packets.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Vector_EncodeDecodeReencode_MatchesBytes(string name)
    {
        using var json = SharedVectors.LoadJson(VectorFile);
        var vector = json.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("test").GetString() == name);
        var hex = vector.GetProperty("hex").GetString()!;
        Assert.Equal(hex, Hex.Of(Convert.FromBase64String(vector.GetProperty("base64").GetString()!)));
        var version = vector.GetProperty("protocol").GetString()!.Contains("V310", StringComparison.Ordinal)
            ? MqttProtocolVersion.V310
            : MqttProtocolVersion.V311;
        var packet = Packets[name]();

        Assert.Equal(hex, Hex.Of(Codec.Encode(packet, version)));
        var decoded = Codec.Decode(hex, version);
        PacketAssert.Equal(packet, decoded);
        Assert.Equal(hex, Hex.Of(Codec.Encode(decoded, version)));
    }

    private static MqttConnAckPacket ConnAckV310() => new() { ReasonCode = MqttReasonCode.NotAuthorized };

    private static MqttConnAckPacket ConnAckV311() => new() { SessionPresent = true, ReasonCode = MqttReasonCode.NotAuthorized };

    private static MqttConnectPacket Connect(MqttProtocolVersion version) => new()
    {
        ProtocolVersion = version,
        ClientId = "XYZ",
        Password = Encoding.UTF8.GetBytes("PASS"),
        UserName = "USER",
        KeepAliveSeconds = 123,
        CleanSession = true,
    };

    private static MqttConnectPacket ConnectWithWill() => Connect(MqttProtocolVersion.V311) with
    {
        Will = new MqttWillMessage
        {
            Topic = "My/last/will",
            Payload = Encoding.UTF8.GetBytes("Good byte."),
            QualityOfService = MqttQualityOfService.AtLeastOnce,
            Retain = true,
        },
    };

    private static MqttPublishPacket Publish() => new()
    {
        PacketIdentifier = 123,
        Dup = true,
        Retain = true,
        Payload = Encoding.UTF8.GetBytes("HELLO"),
        QualityOfService = MqttQualityOfService.AtLeastOnce,
        Topic = "A/B/C",
    };

    private static MqttSubAckPacket SubAck() => new()
    {
        PacketIdentifier = 123,
        ReasonCodes = [MqttReasonCode.GrantedQoS0, MqttReasonCode.GrantedQoS1, MqttReasonCode.GrantedQoS2, MqttReasonCode.UnspecifiedError],
    };

    private static MqttSubscribePacket Subscribe() => new()
    {
        PacketIdentifier = 123,
        Subscriptions =
        [
            new MqttSubscription { TopicFilter = "A/B/C", MaximumQualityOfService = MqttQualityOfService.ExactlyOnce },
            new MqttSubscription { TopicFilter = "1/2/3", MaximumQualityOfService = MqttQualityOfService.AtLeastOnce },
            new MqttSubscription { TopicFilter = "x/y/z", MaximumQualityOfService = MqttQualityOfService.AtMostOnce },
        ],
    };

    private static MqttUnsubscribePacket Unsubscribe() => new() { PacketIdentifier = 123, TopicFilters = ["A/B/C", "1/2/3", "x/y/z"] };
}
