using System.Buffers;
using System.IO.Pipelines;
using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Formatting;

public sealed class MqttPacketDecoderTests
{
    private static readonly MqttPacketDecoder V5 = new(MqttProtocolVersion.V500, MqttPacketDecoder.ProtocolMaximumPacketSize);

    [Fact]
    public void TryDecode_EveryIncompletePrefix_NeedsMoreDataAndConsumesNothing()
    {
        foreach (var packet in SamplePackets.V5())
        {
            var bytes = Codec.Encode(packet, MqttProtocolVersion.V500);
            for (var length = 0; length < bytes.Length; length++)
            {
                var buffer = new ReadOnlySequence<byte>(bytes, 0, length);

                Assert.False(V5.TryDecode(ref buffer, out var decoded), $"{packet.Type} prefix {length}/{bytes.Length}");
                Assert.Null(decoded);
                Assert.Equal(length, buffer.Length);
            }
        }
    }

    [Fact]
    public void TryDecode_OneBytePerSegment_DecodesLikeContiguous()
    {
        foreach (var packet in SamplePackets.V5())
        {
            var bytes = Codec.Encode(packet, MqttProtocolVersion.V500);
            var buffer = Segments.OneBytePerSegment(bytes);

            Assert.True(V5.TryDecode(ref buffer, out var decoded));
            Assert.True(buffer.IsEmpty);
            PacketAssert.Equal(packet, decoded);
        }
    }

    [Fact]
    public void TryDecode_SeveralPacketsInOneBuffer_SlicesOneAtATime()
    {
        var packets = SamplePackets.V5().ToList();
        var bytes = packets.SelectMany(p => Codec.Encode(p, MqttProtocolVersion.V500)).Append((byte)0x30).ToArray();
        var buffer = Segments.Split(bytes, [3, 50, 51, 200, 700]);

        foreach (var expected in packets)
        {
            Assert.True(V5.TryDecode(ref buffer, out var decoded));
            PacketAssert.Equal(expected, decoded);
        }

        Assert.False(V5.TryDecode(ref buffer, out _));
        Assert.Equal(1, buffer.Length);
    }

    [Fact]
    public void TryDecode_LengthBomb_IsRefusedFromTheFixedHeaderAlone()
    {
        var decoder = new MqttPacketDecoder(MqttProtocolVersion.V311, 64 * 1024);
        var header = new ReadOnlySequence<byte>(Hex.Bytes("30ffffff7f"));
        var incompleteLength = new ReadOnlySequence<byte>(Hex.Bytes("30ffff"));

        var error = Assert.Throws<MqttProtocolException>(() => decoder.TryDecode(ref header, out _));

        Assert.Equal(MqttReasonCode.PacketTooLarge, error.ReasonCode);
        Assert.False(decoder.TryDecode(ref incompleteLength, out _));
    }

    [Fact]
    public void TryDecode_MaximumPacketSize_IsInclusiveOfTheFixedHeader()
    {
        var packet = Codec.Encode(new MqttPublishPacket { Topic = "a", Payload = new byte[10] }, MqttProtocolVersion.V311);
        var atLimit = new MqttPacketDecoder(MqttProtocolVersion.V311, packet.Length);
        var belowLimit = new MqttPacketDecoder(MqttProtocolVersion.V311, packet.Length - 1);
        var buffer = new ReadOnlySequence<byte>(packet);

        Assert.True(atLimit.TryDecode(ref buffer, out _));
        Assert.Equal(MqttReasonCode.PacketTooLarge, Assert.Throws<MqttProtocolException>(() => belowLimit.Decode(packet)).ReasonCode);
    }

    [Fact]
    public void TryDecode_ReservedTypeInFirstByte_FailsWithoutWaiting()
    {
        var buffer = new ReadOnlySequence<byte>([0x00]);

        Assert.Throws<MqttProtocolException>(() => V5.TryDecode(ref buffer, out _));
    }

    [Fact]
    public void Decode_PublishPayload_IsACopyNotAViewOfTheInput()
    {
        var bytes = Codec.Encode(new MqttPublishPacket { Topic = "a", Payload = new byte[] { 1, 2, 3 } }, MqttProtocolVersion.V311);
        var packet = (MqttPublishPacket)Codec.Decode(bytes, MqttProtocolVersion.V311);

        Array.Clear(bytes);

        Assert.Equal([1, 2, 3], packet.Payload.ToArray());
    }

    [Fact]
    public void Constructor_OutOfRangeArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MqttPacketDecoder(MqttProtocolVersion.V311, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MqttPacketDecoder((MqttProtocolVersion)6, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MqttPacketEncoder((MqttProtocolVersion)2));
    }

    [Fact]
    public async Task TryDecode_PipeFedOneByteAtATime_DeliversEveryPacket()
    {
        var packets = SamplePackets.V5().ToList();
        var bytes = packets.SelectMany(p => Codec.Encode(p, MqttProtocolVersion.V500)).ToArray();
        var pipe = new Pipe();
        var writing = Task.Run(async () =>
        {
            foreach (var b in bytes)
            {
                await pipe.Writer.WriteAsync(new[] { b });
            }

            await pipe.Writer.CompleteAsync();
        });

        var received = new List<MqttPacket>();
        while (true)
        {
            var result = await pipe.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            var buffer = result.Buffer;
            while (V5.TryDecode(ref buffer, out var packet))
            {
                received.Add(packet);
            }

            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                Assert.True(buffer.IsEmpty, "bytes left over after the last packet");
                break;
            }
        }

        await writing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(packets.Count, received.Count);
        for (var i = 0; i < packets.Count; i++)
        {
            PacketAssert.Equal(packets[i], received[i]);
        }
    }

    [Fact]
    public void TryDecode_AckAndPublish_AllocateOnlyThePacketTopicAndPayload()
    {
        var decoder = new MqttPacketDecoder(MqttProtocolVersion.V500, 1024);
        var ack = new ReadOnlySequence<byte>(Hex.Bytes("40020001"));
        var publish = new ReadOnlySequence<byte>(Codec.Encode(
            new MqttPublishPacket { Topic = "a/b", QualityOfService = MqttQualityOfService.AtLeastOnce, PacketIdentifier = 1, Payload = new byte[16] },
            MqttProtocolVersion.V500));
        var warmUp = ack;
        decoder.TryDecode(ref warmUp, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        decoder.TryDecode(ref ack, out _);
        var ackBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        decoder.TryDecode(ref publish, out _);
        var publishBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(ackBytes <= 64, $"PUBACK allocated {ackBytes} bytes");
        Assert.True(publishBytes <= 256, $"PUBLISH allocated {publishBytes} bytes");
    }
}
