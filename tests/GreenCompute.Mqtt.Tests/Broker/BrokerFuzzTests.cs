using System.Net.Sockets;
using GreenCompute.Mqtt.Formatting;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Properties;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Broker;

/// <summary>
/// Seeded random and mutated byte streams into the broker over TCP. Each connection writes its bytes, half-closes and
/// must see the broker close it; the broker must log no error (every failure classified as a protocol violation),
/// end with no open connection, and still serve a well-behaved client.
/// </summary>
public sealed class BrokerFuzzTests
{
    private const int Seed = 20261121;
    private const int Streams = 3000;

    [Fact]
    public async Task Fuzz_RandomAndMutatedStreams_EveryConnectionClosed_BrokerKeepsServing()
    {
        await using var broker = await EmbeddedBroker.StartAsync(o => o.MaximumPacketSize = 4096);
        var random = new Random(Seed);
        var seeds = SeedStreams();
        var streams = Enumerable.Range(0, Streams).Select(i => Generate(random, seeds, i)).ToList();

        var unclosed = 0;
        await Parallel.ForEachAsync(streams, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bytes, _) =>
        {
            if (!await SendAndAwaitCloseAsync(broker.Port, bytes))
            {
                Interlocked.Increment(ref unclosed);
            }
        });

        await Within.Until(() => broker.Broker.ConnectionCount == 0, "every fuzz connection to be released by the broker");
        var received = new MessageCollector();
        await using var client = await Clients.ConnectAsync(Clients.Options(broker.Port, "after-fuzz"), received);
        await client.SubscribeAsync("gc/after/fuzz", MqttQualityOfService.ExactlyOnce);
        await client.PublishAsync("gc/after/fuzz", "still serving", MqttQualityOfService.ExactlyOnce);
        await received.WaitForAsync(1, "a round trip after the fuzzing");

        Assert.Equal(0, unclosed);
        Assert.Contains(broker.Log.Messages(Microsoft.Extensions.Logging.LogLevel.Warning), m => m.Contains("protocol violation", StringComparison.Ordinal));
    }

    /// <summary>True when the broker closed the connection within the bound.</summary>
    private static async Task<bool> SendAndAwaitCloseAsync(int port, byte[] bytes)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, LingerState = new LingerOption(true, 0) };
        await socket.ConnectAsync("127.0.0.1", port);
        try
        {
            await socket.SendAsync(bytes);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The broker may close before every byte is written: that is a closed connection too.
            return true;
        }

        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static byte[] Generate(Random random, List<byte[]> seeds, int index)
    {
        switch (index % 4)
        {
            case 0:
                return RandomBytes(random, random.Next(1, 300));
            case 1:
                var seed = seeds[random.Next(seeds.Count)];
                return [.. seed.AsSpan(0, FirstPacketLength(seed)), .. RandomBytes(random, random.Next(1, 200))];
            default:
                return Mutate(random, seeds[random.Next(seeds.Count)], random.Next(1, 6));
        }
    }

    private static byte[] Mutate(Random random, byte[] original, int mutations)
    {
        var bytes = original.ToList();
        for (var i = 0; i < mutations && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    bytes.RemoveAt(at);
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    // A remaining length claiming far more than the broker accepts.
                    bytes.InsertRange(at, [0x30, 0xFF, 0xFF, 0xFF, 0x7F]);
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Remaining length of the first packet of a well-formed seed (one or two length bytes).</summary>
    private static int FirstPacketLength(byte[] seed)
    {
        VariableByteInteger.TryRead(seed.AsSpan(1), out var remaining, out var size);
        return 1 + size + (int)remaining;
    }

    /// <summary>Well-formed conversations, one per version and flavour, to mutate.</summary>
    private static List<byte[]> SeedStreams()
    {
        var seeds = new List<byte[]>();
        foreach (var version in new[] { MqttProtocolVersion.V311, MqttProtocolVersion.V500 })
        {
            var isV5 = version == MqttProtocolVersion.V500;
            var encoder = new MqttPacketEncoder(version);
            var properties = isV5 ? new MqttProperties { ContentType = "text/plain", UserProperties = [new("k", "v")] } : MqttProperties.Empty;
            MqttPacket[] packets =
            [
                new MqttConnectPacket
                {
                    ProtocolVersion = version,
                    ClientId = "fuzz",
                    KeepAliveSeconds = 30,
                    UserName = "n1",
                    Password = "pw"u8.ToArray(),
                    Will = new MqttWillMessage { Topic = "gc/will/fuzz", Payload = "w"u8.ToArray(), QualityOfService = MqttQualityOfService.AtLeastOnce },
                    Properties = isV5 ? new MqttProperties { SessionExpiryInterval = 5, ReceiveMaximum = 5, TopicAliasMaximum = 3 } : MqttProperties.Empty,
                },
                new MqttSubscribePacket
                {
                    PacketIdentifier = 1,
                    Subscriptions =
                    [
                        new MqttSubscription { TopicFilter = "gc/fuzz/#", MaximumQualityOfService = MqttQualityOfService.ExactlyOnce },
                        new MqttSubscription { TopicFilter = "$share/g/gc/+/x", MaximumQualityOfService = MqttQualityOfService.AtLeastOnce },
                    ],
                },
                new MqttPublishPacket { Topic = "gc/fuzz/0", Payload = "zero"u8.ToArray(), Properties = properties },
                new MqttPublishPacket { Topic = "gc/fuzz/1", QualityOfService = MqttQualityOfService.AtLeastOnce, PacketIdentifier = 2, Retain = true, Payload = "one"u8.ToArray() },
                new MqttPublishPacket { Topic = "gc/fuzz/2", QualityOfService = MqttQualityOfService.ExactlyOnce, PacketIdentifier = 3, Payload = "two"u8.ToArray() },
                new MqttPubRelPacket { PacketIdentifier = 3 },
                new MqttPubAckPacket { PacketIdentifier = 1 },
                MqttPingReqPacket.Instance,
                new MqttUnsubscribePacket { PacketIdentifier = 4, TopicFilters = ["gc/fuzz/#"] },
                new MqttDisconnectPacket(),
            ];
            seeds.Add([.. packets.SelectMany(encoder.Encode)]);
            seeds.Add([.. packets.Take(3).SelectMany(encoder.Encode)]);
        }

        return seeds;
    }
}
