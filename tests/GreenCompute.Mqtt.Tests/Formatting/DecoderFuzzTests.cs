using System.Buffers;
using System.Diagnostics;
using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Support;

namespace GreenCompute.Mqtt.Tests.Formatting;

/// <summary>
/// Seeded fuzzing of the decoder with random and mutated packets. Properties checked for every input: the only
/// exception is MqttProtocolException, decoding ends (each packet consumes at least 2 bytes), allocation stays
/// proportional to the input (length bombs are refused by the maximum packet size), and whatever decodes
/// re-encodes and decodes to the same packet.
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int Seed = 20_261_121;
    private const int Iterations = 30_000;
    private const int MaximumPacketSize = 1 << 20;

    private static readonly MqttProtocolVersion[] Versions = [MqttProtocolVersion.V310, MqttProtocolVersion.V311, MqttProtocolVersion.V500];

    [Fact]
    public void Decoder_RandomAndMutatedInput_ThrowsOnlyProtocolExceptions()
    {
        var random = new Random(Seed);
        var corpus = Versions.SelectMany(v => SamplePackets.For(v).Select(p => Codec.Encode(p, v))).ToArray();
        var decoders = Versions.ToDictionary(v => v, v => new MqttPacketDecoder(v, MaximumPacketSize));
        var failures = new List<string>();
        var outcomes = new int[3];
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Iterations && failures.Count < 5; i++)
        {
            var input = Mutate(random, corpus);
            var decoder = decoders[Versions[random.Next(Versions.Length)]];
            var cuts = Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(input.Length + 1)).ToArray();
            var outcome = DecodeAll(decoder, input, cuts, out var failure);
            outcomes[outcome]++;
            if (failure is not null)
            {
                failures.Add($"iteration {i} ({decoder.ProtocolVersion}) {Hex.Of(input)}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"fuzzing took {clock.Elapsed}");

        // The corpus mutations must exercise all three outcomes: decoded, incomplete, rejected.
        Assert.All(outcomes, count => Assert.True(count > Iterations / 100, $"outcomes {string.Join("/", outcomes)}"));
    }

    [Fact]
    public void Decoder_LengthBombInEveryPacketType_IsRefusedBeforeBuffering()
    {
        var decoder = new MqttPacketDecoder(MqttProtocolVersion.V500, MaximumPacketSize);
        for (var type = 1; type <= 15; type++)
        {
            var first = (byte)((type << 4) | (type is 6 or 8 or 10 ? 2 : 0));
            var buffer = new ReadOnlySequence<byte>([first, 0xFF, 0xFF, 0xFF, 0x7F]);

            var error = Assert.Throws<MqttProtocolException>(() => decoder.TryDecode(ref buffer, out _));

            Assert.Equal(MqttReasonCode.PacketTooLarge, error.ReasonCode);
        }
    }

    [Theory]
    [InlineData("30", "ffff 61626364 6566", "inside a UTF-8 string")] // topic length 65535 in an 8-byte body
    [InlineData("30", "0001 61 ffffff7f", "Property length")] // property length 268 million
    [InlineData("30", "0001 61 05 09ffff0000", "inside a binary data")] // correlation data length 65535 in a 5-byte block
    [InlineData("10", "0004 4d515454 05 02 003c ffffff7f", "Property length")] // CONNECT property length bomb
    [InlineData("10", "0004 4d515454 04 c2 003c 0000 0001 75 ffff", "inside a binary data")] // password length bomb
    public void Decoder_InnerLengthBombs_AreMalformedWithoutLargeAllocations(string firstByte, string body, string message)
    {
        var bytes = Hex.Bytes(Hex.Packet(firstByte, body));
        var decoder = new MqttPacketDecoder(MqttProtocolVersion.V500, MaximumPacketSize);
        decoder.Decode(Hex.Bytes("c000"));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<MqttProtocolException>(() => decoder.Decode(bytes));

        Assert.Equal(MqttReasonCode.MalformedPacket, error.ReasonCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 * 1024, "decoder allocated for a length it never received");
    }

    /// <summary>0 = decoded at least one packet, 1 = needed more data, 2 = rejected with MqttProtocolException.</summary>
    private static int DecodeAll(MqttPacketDecoder decoder, byte[] input, int[] cuts, out string? failure)
    {
        failure = null;
        var buffer = Segments.Split(input, cuts);
        var decoded = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            while (decoder.TryDecode(ref buffer, out var packet))
            {
                decoded++;
                failure ??= CheckReencoding(decoder, packet);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated > (64L * input.Length) + (256 * 1024))
            {
                failure ??= $"allocated {allocated} bytes for {input.Length} input bytes";
            }

            return decoded > 0 ? 0 : 1;
        }
        catch (MqttProtocolException)
        {
            return 2;
        }
        catch (Exception error)
        {
            failure = error.ToString();
            return 2;
        }
    }

    private static string? CheckReencoding(MqttPacketDecoder decoder, MqttPacket packet)
    {
        var version = packet is MqttConnectPacket connect ? connect.ProtocolVersion : decoder.ProtocolVersion;
        var bytes = new MqttPacketEncoder(version).Encode(packet);
        var again = new MqttPacketDecoder(version, MqttPacketDecoder.ProtocolMaximumPacketSize).Decode(bytes);
        PacketAssert.Equal(packet, again);
        return null;
    }

    private static byte[] Mutate(Random random, byte[][] corpus)
    {
        var bytes = corpus[random.Next(corpus.Length)].ToArray();
        switch (random.Next(8))
        {
            case 0:
                for (var flips = random.Next(1, 9); flips > 0; flips--)
                {
                    var bit = random.Next(bytes.Length * 8);
                    bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                }

                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                for (var writes = random.Next(1, 5); writes > 0; writes--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 3:
                var at = random.Next(bytes.Length + 1);
                var inserted = new byte[random.Next(1, 8)];
                random.NextBytes(inserted);
                return [.. bytes[..at], .. inserted, .. bytes[at..]];
            case 4:
                var start = random.Next(bytes.Length);
                return [.. bytes[..start], .. bytes[Math.Min(bytes.Length, start + random.Next(1, 8))..]];
            case 5:
                // Length bomb: a random remaining length of up to 4 bytes, the original body after it.
                var lengthBytes = new byte[random.Next(1, 5)];
                random.NextBytes(lengthBytes);
                for (var i = 0; i < lengthBytes.Length - 1; i++)
                {
                    lengthBytes[i] |= 0x80;
                }

                lengthBytes[^1] &= 0x7F;
                return [bytes[0], .. lengthBytes, .. bytes[Math.Min(bytes.Length, 2)..]];
            case 6:
                var noise = new byte[random.Next(0, 64)];
                random.NextBytes(noise);
                return noise;
            default:
                return [.. bytes, .. corpus[random.Next(corpus.Length)]];
        }
    }
}
