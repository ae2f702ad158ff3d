using System.Net;
using System.Net.Sockets;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Packets;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Client;

/// <summary>MaximumConcurrentHandlers: handlers overlap, yet each PUBACK waits for its own handler and PUBACKs keep arrival order.</summary>
public sealed class ClientConcurrentHandlerTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public ClientConcurrentHandlerTests() => _listener.Start();

    public void Dispose() => _listener.Stop();

    [Fact]
    public async Task ConcurrentHandlers_AllStartBeforeAnyFinishes_AcksFollowArrivalOrderAfterEachHandler()
    {
        var options = Clients.Options(((IPEndPoint)_listener.LocalEndpoint).Port, "pipelined");
        options.MaximumConcurrentHandlers = 3;
        var started = new[] { Gate(), Gate(), Gate() };
        var release = new[] { Gate(), Gate(), Gate() };
        var order = new List<string>();
        await using var client = new MqttClient(options)
        {
            MessageHandler = async (message, _) =>
            {
                var i = int.Parse(message.GetPayloadText(), System.Globalization.CultureInfo.InvariantCulture);
                lock (order)
                {
                    order.Add($"start {i}");
                }

                started[i].TrySetResult();
                await release[i].Task;
            },
        };
        var connecting = client.ConnectAsync();
        await using var broker = await RawConnection.AcceptAsync(_listener);
        await broker.ExpectAsync<MqttConnectPacket>("CONNECT");
        await broker.SendAsync(new MqttConnAckPacket());
        await connecting;

        for (var i = 0; i < 3; i++)
        {
            await broker.SendAsync(new MqttPublishPacket
            {
                Topic = "t", Payload = System.Text.Encoding.UTF8.GetBytes($"{i}"), QualityOfService = MqttQualityOfService.AtLeastOnce,
                PacketIdentifier = (ushort)(i + 1),
            });
        }

        // All three handlers run at once: none has been released yet.
        await Within.Async(Task.WhenAll(started.Select(s => s.Task)), "all three handlers to start while none has finished");
        Assert.Equal(["start 0", "start 1", "start 2"], order);

        // The last finishes first, then the first: the PUBACK of message 1 must come before those of 2 and 3.
        release[2].SetResult();
        release[0].SetResult();
        var first = await broker.ExpectAsync<MqttPubAckPacket>("PUBACK of the first message once its handler finished");
        release[1].SetResult();
        var second = await broker.ExpectAsync<MqttPubAckPacket>("PUBACK of the second message");
        var third = await broker.ExpectAsync<MqttPubAckPacket>("PUBACK of the third message");
        Assert.Equal([1, 2, 3], new[] { first.PacketIdentifier, second.PacketIdentifier, third.PacketIdentifier }.Select(id => (int)id));
    }

    [Fact]
    public void Options_ZeroConcurrentHandlers_IsRefused()
    {
        var options = Clients.Options(1883, "bad");
        options.MaximumConcurrentHandlers = 0;
        Assert.Throws<ArgumentOutOfRangeException>(() => new MqttClient(options));
    }

    private static TaskCompletionSource Gate() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
