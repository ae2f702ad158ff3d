using System.Collections.Immutable;
using GreenCompute.Core.Units;
using GreenCompute.Grains;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Grains.Sites;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Silo.Mqtt;
using GreenCompute.Silo.Tests.Grains;

namespace GreenCompute.Silo.Tests.Mqtt;

public class MarketAndCommandTests
{
    private static readonly PriceCurve Curve = new("DE", SiloFixture.Start, TimeSpan.FromHours(1), [new EurPerMwh(42.5), new EurPerMwh(-3), new EurPerMwh(120)]);

    [Fact]
    public async Task PriceCurve_PublishedRetained_ReachesTheSchedulerAndLaterSubscribers()
    {
        await using var silo = await IngestFixture.StartAsync();
        var feeder = new MarketFeeder(await silo.ConnectAsync(IngestFixture.ServiceUser));

        await feeder.PublishPricesAsync(Curve).WaitAsync(IngestFixture.Wait);
        await IngestFixture.Within(silo.Ingest.WhenProcessed(1), "the ingest to apply the price curve");
        await feeder.PublishWeatherAsync(new OutdoorForecast("site-1", SiloFixture.Start, TimeSpan.FromHours(1), [new Celsius(-2), new Celsius(1)]));
        await IngestFixture.Within(silo.Ingest.WhenProcessed(2), "the ingest to apply the weather forecast");

        // UpdatePrices keeps the curve in memory; registering a site writes the scheduler's whole state, curve included.
        await silo.Host.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey).RegisterSite(new SiteRegistration("site-1", "Building 1", "DE", 60, ["n1"]));
        var stored = await silo.Storage.ReadAsync<SchedulerState>("scheduler", SiloGrains.SchedulerKey, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Curve.Prices.ToArray(), stored.State.Prices["DE"].Prices.ToArray());
        Assert.Equal(Curve.Start, stored.State.Prices["DE"].Start);
        Assert.Equal(-2, stored.State.Weather["site-1"].Temperatures[0].Value);
        Assert.Equal(2, silo.Ingest.Applied);

        // A silo that subscribes later still gets the retained curve and forecast.
        await using var late = new MqttIngest(new MqttClientOptions { Port = silo.Broker.Port, ClientId = "late-silo", UserName = IngestFixture.ServiceUser }, silo.Host);
        await late.StartAsync().WaitAsync(IngestFixture.Wait);
        await IngestFixture.Within(late.WhenProcessed(2), "the late silo to receive the retained price and weather");
        Assert.Equal(2, late.Applied);
    }

    [Fact]
    public async Task PriceCurve_OutOfRange_IsRejectedAndNotApplied()
    {
        await using var silo = await IngestFixture.StartAsync();
        var service = await silo.ConnectAsync(IngestFixture.ServiceUser);
        var bad = PayloadMapper.ToPayload(Curve) with { PricesEurPerMwh = [42, double.MaxValue] };

        await silo.PublishAndWaitAsync(service, Topics.Prices("DE"), PayloadCodec.WriteText(bad, PayloadJsonContext.Default.PriceCurvePayload));
        await silo.PublishAndWaitAsync(service, Topics.Prices("FR"), PayloadCodec.WriteText(PayloadMapper.ToPayload(Curve), PayloadJsonContext.Default.PriceCurvePayload));

        Assert.Equal(1, silo.Ingest.RejectedByReason[PayloadRejection.OutOfRange]);
        Assert.Equal(1, silo.Ingest.RejectedByReason[PayloadRejection.TopicMismatch]);
        Assert.Equal(0, silo.Ingest.Applied);
    }

    [Fact]
    public async Task Command_SentThroughTheSink_ArrivesOnTheDevicesTopic()
    {
        await using var silo = await IngestFixture.StartAsync();
        var received = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var device = await silo.ConnectAsync("n1", (m, _) =>
        {
            received.TrySetResult(m);
            return ValueTask.CompletedTask;
        });
        await device.SubscribeAsync(Topics.Commands("n1"), MqttQualityOfService.AtLeastOnce).WaitAsync(IngestFixture.Wait);
        var command = new NodeCommand("n1", SiloFixture.Start, new Watts(750), HeaterMode.Computing,
            [new TaskStart("job-1/0", "job-1", "nasa-trace", new CoreSeconds(60), new CoreSeconds(540), 4, TimeSpan.FromMinutes(10))],
            ["job-0/3"], ImmutableArray<string>.Empty, "cheapest hours");

        await silo.Commands.SendAsync(command, CancellationToken.None);
        await IngestFixture.Within(silo.Commands.FlushAsync(), "the broker to acknowledge the command");
        var message = await received.Task.WaitAsync(IngestFixture.Wait);

        Assert.Equal(Topics.Commands("n1"), message.Topic);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, message.QualityOfService);
        Assert.True(PayloadCodec.TryRead(message.Payload.Span, PayloadJsonContext.Default.CommandPayload, out var payload, out _));
        var decoded = PayloadValidator.Command(payload, "n1");
        Assert.True(decoded.IsValid, decoded.Rejection?.ToString());
        Assert.Equal(command.PowerCap, decoded.Value!.PowerCap);
        Assert.Equal(command.Start.ToArray(), decoded.Value.Start.ToArray());
        Assert.Equal(command.PauseAtCheckpoint.ToArray(), decoded.Value.PauseAtCheckpoint.ToArray());
        Assert.Equal(1, silo.Commands.Sent);
        Assert.Empty(silo.Log.Errors);
    }
}
