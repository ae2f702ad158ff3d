using System.Collections.Immutable;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Mqtt.Client;
using GreenCompute.Mqtt.Protocol;
using GreenCompute.Simulation.Data;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// The price and weather feeds (DESIGN.md data flow 4): publishes each zone's day-ahead curve on retained
/// gc/v1/prices/{zone} and each site's outdoor forecast on retained gc/v1/weather/{siteId}, QoS 1, so a silo that
/// (re)subscribes gets the latest at once. Curves come from the simulation data or an ENTSO-E CSV (<see cref="EntsoePriceCsv"/>).
/// </summary>
internal sealed class MarketFeeder(MqttClient client)
{
    public Task PublishPricesAsync(PriceCurve curve, CancellationToken cancellationToken = default) =>
        PublishAsync(Topics.Prices(curve.Zone), PayloadCodec.Write(PayloadMapper.ToPayload(curve), PayloadJsonContext.Default.PriceCurvePayload),
            cancellationToken);

    public Task PublishWeatherAsync(OutdoorForecast forecast, CancellationToken cancellationToken = default) =>
        PublishAsync(Topics.Weather(forecast.SiteId), PayloadCodec.Write(PayloadMapper.ToPayload(forecast), PayloadJsonContext.Default.WeatherPayload),
            cancellationToken);

    /// <summary>Publishes the zone's curve and every site's forecast for <paramref name="hours"/> from the hour of <paramref name="now"/>; returns how many messages.</summary>
    public async Task<int> FeedAsync(SimulationData data, string zone, IEnumerable<string> siteIds, DateTimeOffset now, int hours,
        CancellationToken cancellationToken = default)
    {
        var hour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        await PublishPricesAsync(PriceCurveFrom(data.Prices, zone, hour, hours), cancellationToken);
        var published = 1;
        foreach (var siteId in siteIds)
        {
            await PublishWeatherAsync(ForecastFrom(data.Weather, siteId, hour, hours), cancellationToken);
            published++;
        }

        return published;
    }

    /// <summary>Hourly prices from <paramref name="hour"/>; an hour missing from the data repeats the one before (as the in-process run does).</summary>
    public static PriceCurve PriceCurveFrom(PriceSeries prices, string zone, DateTimeOffset hour, int hours)
    {
        var curve = ImmutableArray.CreateBuilder<EurPerMwh>(hours);
        for (var h = 0; h < hours; h++)
        {
            curve.Add(prices.TryGetPrice(zone, hour.AddHours(h), out var p) ? p : curve.Count > 0 ? curve[^1] : prices.PriceAt(zone, hour));
        }

        return new PriceCurve(zone, hour, TimeSpan.FromHours(1), curve.MoveToImmutable());
    }

    /// <summary>Hourly outdoor temperatures from <paramref name="hour"/>, one more point than hours so the last hour interpolates.</summary>
    public static OutdoorForecast ForecastFrom(WeatherSeries weather, string siteId, DateTimeOffset hour, int hours) =>
        new(siteId, hour, TimeSpan.FromHours(1), [.. Enumerable.Range(0, hours + 1).Select(h => weather.OutdoorAt(hour.AddHours(h)))]);

    private async Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var result = await client.PublishAsync(new MqttApplicationMessage
        {
            Topic = topic,
            Payload = payload,
            QualityOfService = MqttQualityOfService.AtLeastOnce,
            Retain = true,
        }, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The broker refused the retained feed on {topic}: {result.ReasonCode}.");
        }
    }
}
