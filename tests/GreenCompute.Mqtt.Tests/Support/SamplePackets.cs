using System.Text;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Tests.Support;

/// <summary>One packet of every type per version, MQTT 5 ones carrying every property their packet allows.</summary>
internal static class SamplePackets
{
    private static readonly MqttUserProperty[] Users = [new("site", "heater-7"), new("site", "heater-7"), new("ünï", "çødé ✓")];

    public static IEnumerable<MqttPacket> For(MqttProtocolVersion version) =>
        version == MqttProtocolVersion.V500 ? V5() : V311(version);

    public static IEnumerable<MqttPacket> V311(MqttProtocolVersion version = MqttProtocolVersion.V311)
    {
        yield return new MqttConnectPacket
        {
            ProtocolVersion = version,
            ClientId = "edge-agent-1",
            CleanSession = false,
            KeepAliveSeconds = 60,
            UserName = "user",
            Password = new byte[] { 0, 1, 2, 255 },
            Will = new MqttWillMessage
            {
                Topic = "heaters/7/status",
                Payload = Encoding.UTF8.GetBytes("offline"),
                QualityOfService = MqttQualityOfService.ExactlyOnce,
                Retain = true,
            },
        };
        yield return new MqttConnectPacket { ProtocolVersion = version, ClientId = "" };
        yield return new MqttConnAckPacket { SessionPresent = version != MqttProtocolVersion.V310, ReasonCode = MqttReasonCode.BadUserNameOrPassword };
        yield return new MqttPublishPacket { Topic = "a/b", Payload = Encoding.UTF8.GetBytes("21.5") };
        yield return new MqttPublishPacket
        {
            Topic = "heaters/7/power",
            QualityOfService = MqttQualityOfService.ExactlyOnce,
            Dup = true,
            Retain = true,
            PacketIdentifier = 65535,
            Payload = new byte[300],
        };
        yield return new MqttPubAckPacket { PacketIdentifier = 1 };
        yield return new MqttPubRecPacket { PacketIdentifier = 2 };
        yield return new MqttPubRelPacket { PacketIdentifier = 3 };
        yield return new MqttPubCompPacket { PacketIdentifier = 4 };
        yield return new MqttSubscribePacket
        {
            PacketIdentifier = 5,
            Subscriptions =
            [
                new MqttSubscription { TopicFilter = "heaters/+/power", MaximumQualityOfService = MqttQualityOfService.AtLeastOnce },
                new MqttSubscription { TopicFilter = "#", MaximumQualityOfService = MqttQualityOfService.ExactlyOnce },
            ],
        };
        yield return new MqttSubAckPacket { PacketIdentifier = 5, ReasonCodes = [MqttReasonCode.GrantedQoS1, MqttReasonCode.UnspecifiedError] };
        yield return new MqttUnsubscribePacket { PacketIdentifier = 6, TopicFilters = ["heaters/+/power", "#"] };
        yield return new MqttUnsubAckPacket { PacketIdentifier = 6 };
        yield return MqttPingReqPacket.Instance;
        yield return MqttPingRespPacket.Instance;
        yield return new MqttDisconnectPacket();
    }

    public static IEnumerable<MqttPacket> V5()
    {
        yield return new MqttConnectPacket
        {
            ProtocolVersion = MqttProtocolVersion.V500,
            ClientId = "edge-agent-1",
            CleanSession = true,
            KeepAliveSeconds = 15,
            Password = new byte[] { 9, 8, 7 },
            Will = new MqttWillMessage
            {
                Topic = "heaters/7/status",
                Payload = Encoding.UTF8.GetBytes("offline"),
                QualityOfService = MqttQualityOfService.AtLeastOnce,
                Properties = new MqttProperties
                {
                    WillDelayInterval = 30,
                    PayloadFormatIndicator = 1,
                    MessageExpiryInterval = 3600,
                    ContentType = "text/plain",
                    ResponseTopic = "heaters/7/reply",
                    CorrelationData = new byte[] { 1, 2, 3 },
                    UserProperties = Users,
                },
            },
            Properties = new MqttProperties
            {
                SessionExpiryInterval = uint.MaxValue,
                ReceiveMaximum = 20,
                MaximumPacketSize = 1 << 20,
                TopicAliasMaximum = 10,
                RequestResponseInformation = true,
                RequestProblemInformation = false,
                UserProperties = Users,
                AuthenticationMethod = "SCRAM-SHA-256",
                AuthenticationData = new byte[] { 0xDE, 0xAD },
            },
        };
        yield return new MqttConnAckPacket
        {
            SessionPresent = true,
            ReasonCode = MqttReasonCode.Success,
            Properties = new MqttProperties
            {
                SessionExpiryInterval = 120,
                ReceiveMaximum = 100,
                MaximumQoS = MqttQualityOfService.AtLeastOnce,
                RetainAvailable = false,
                MaximumPacketSize = 65536,
                AssignedClientIdentifier = "auto-1234",
                TopicAliasMaximum = 5,
                ReasonString = "welcome",
                UserProperties = Users,
                WildcardSubscriptionAvailable = true,
                SubscriptionIdentifierAvailable = true,
                SharedSubscriptionAvailable = false,
                ServerKeepAlive = 30,
                ResponseInformation = "replies/",
                ServerReference = "other:1883",
                AuthenticationMethod = "SCRAM-SHA-256",
                AuthenticationData = new byte[] { 0xBE, 0xEF },
            },
        };
        yield return new MqttConnAckPacket { ReasonCode = MqttReasonCode.QuotaExceeded };
        yield return new MqttPublishPacket
        {
            Topic = "",
            QualityOfService = MqttQualityOfService.AtLeastOnce,
            PacketIdentifier = 7,
            Payload = Encoding.UTF8.GetBytes("{\"w\":1500}"),
            Properties = new MqttProperties
            {
                PayloadFormatIndicator = 1,
                MessageExpiryInterval = 60,
                TopicAlias = 3,
                ResponseTopic = "heaters/7/reply",
                CorrelationData = new byte[] { 42 },
                UserProperties = Users,
                SubscriptionIdentifiers = [1, 268_435_455, 128],
                ContentType = "application/json",
            },
        };
        yield return new MqttPublishPacket { Topic = "a/b", Payload = ReadOnlyMemory<byte>.Empty };
        yield return new MqttPubAckPacket { PacketIdentifier = 1 };
        yield return new MqttPubAckPacket { PacketIdentifier = 1, ReasonCode = MqttReasonCode.NoMatchingSubscribers };
        yield return new MqttPubRecPacket { PacketIdentifier = 2, ReasonCode = MqttReasonCode.QuotaExceeded, Properties = Reasoned("full") };
        yield return new MqttPubRelPacket { PacketIdentifier = 3, ReasonCode = MqttReasonCode.PacketIdentifierNotFound, Properties = Reasoned("lost") };
        yield return new MqttPubCompPacket { PacketIdentifier = 4, Properties = Reasoned("done") };
        yield return new MqttSubscribePacket
        {
            PacketIdentifier = 5,
            Properties = new MqttProperties { SubscriptionIdentifiers = [77], UserProperties = Users },
            Subscriptions =
            [
                new MqttSubscription
                {
                    TopicFilter = "heaters/+/power",
                    MaximumQualityOfService = MqttQualityOfService.ExactlyOnce,
                    NoLocal = true,
                    RetainAsPublished = true,
                    RetainHandling = MqttRetainHandling.DoNotSend,
                },
                new MqttSubscription { TopicFilter = "$share/g1/plans/#", RetainHandling = MqttRetainHandling.SendAtSubscribeIfNew },
            ],
        };
        yield return new MqttSubAckPacket
        {
            PacketIdentifier = 5,
            ReasonCodes = [MqttReasonCode.GrantedQoS2, MqttReasonCode.SharedSubscriptionsNotSupported],
            Properties = Reasoned("partly"),
        };
        yield return new MqttUnsubscribePacket
        {
            PacketIdentifier = 6,
            TopicFilters = ["heaters/+/power", "$share/g1/plans/#"],
            Properties = new MqttProperties { UserProperties = Users },
        };
        yield return new MqttUnsubAckPacket
        {
            PacketIdentifier = 6,
            ReasonCodes = [MqttReasonCode.Success, MqttReasonCode.NoSubscriptionExisted],
            Properties = Reasoned("ok"),
        };
        yield return MqttPingReqPacket.Instance;
        yield return MqttPingRespPacket.Instance;
        yield return new MqttDisconnectPacket();
        yield return new MqttDisconnectPacket { ReasonCode = MqttReasonCode.DisconnectWithWillMessage };
        yield return new MqttDisconnectPacket
        {
            ReasonCode = MqttReasonCode.UseAnotherServer,
            Properties = new MqttProperties { SessionExpiryInterval = 0, ReasonString = "moving", UserProperties = Users, ServerReference = "b:1883" },
        };
        yield return new MqttAuthPacket();
        yield return new MqttAuthPacket
        {
            ReasonCode = MqttReasonCode.ContinueAuthentication,
            Properties = new MqttProperties
            {
                AuthenticationMethod = "SCRAM-SHA-256",
                AuthenticationData = new byte[] { 1, 2 },
                ReasonString = "next",
                UserProperties = Users,
            },
        };
    }

    private static MqttProperties Reasoned(string reason) => new() { ReasonString = reason, UserProperties = Users };
}
