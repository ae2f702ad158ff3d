using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>A message between PublishAsync and its end: pending (not sent yet) or in flight (QoS 1/2, awaiting acknowledgement).</summary>
internal sealed class OutgoingPublish(MqttApplicationMessage message, long sequence)
{
    public MqttApplicationMessage Message { get; } = message;

    /// <summary>Enqueue order: resent in-flight messages keep their original order [MQTT-4.6.0-1].</summary>
    public long Sequence { get; } = sequence;

    public TaskCompletionSource<MqttPublishResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The QoS on the wire (the message's; never above the server's Maximum QoS).</summary>
    public MqttQualityOfService QualityOfService { get; set; }

    public ushort PacketIdentifier { get; set; }

    /// <summary>QoS 2: PUBREC received, the message now belongs to the server; only PUBREL/PUBCOMP remain.</summary>
    public bool Released { get; set; }

    public LinkedListNode<OutgoingPublish>? PendingNode { get; set; }

    public CancellationTokenRegistration CancellationRegistration { get; set; }

    public MqttPublishPacket ToPacket(bool dup) => new()
    {
        Topic = Message.Topic,
        Payload = Message.Payload,
        QualityOfService = QualityOfService,
        Retain = Message.Retain,
        Dup = dup && QualityOfService != MqttQualityOfService.AtMostOnce,
        PacketIdentifier = PacketIdentifier,
        Properties = Message.Properties,
    };

    public void Complete(MqttPublishStatus status, MqttReasonCode reasonCode = MqttReasonCode.Success, string? reasonString = null)
    {
        CancellationRegistration.Dispose();
        Completion.TrySetResult(new MqttPublishResult(status, QualityOfService, reasonCode, PacketIdentifier, reasonString));
    }

    public void Fail(Exception error)
    {
        CancellationRegistration.Dispose();
        Completion.TrySetException(error);
    }
}
