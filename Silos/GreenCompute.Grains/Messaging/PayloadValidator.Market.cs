using System.Collections.Immutable;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Grains.Messaging;

/// <summary>Checks of the market feeds: prices per zone and outdoor forecasts per site.</summary>
public static partial class PayloadValidator
{
    /// <summary>Wider than the SDAC day-ahead clearing limits (−500 and +4,000 EUR/MWh at the time of writing).</summary>
    public const double MinPrice = -1_000;

    public const double MaxPrice = 10_000;

    public const int MaxPoints = 2_000;

    public static Validated<PriceCurve> Prices(PriceCurvePayload? p, string topicZone)
    {
        if (p is null)
        {
            return Validated<PriceCurve>.Fail(PayloadRejection.MalformedJson, "payload is JSON null");
        }

        var problem = SchemaOf(p.V)
            ?? KeyOf(p.Zone, topicZone, "zone")
            ?? Required(p.Start, "start")
            ?? Range(p.ResolutionMinutes, "resolutionMinutes", 1, 1440, " min")
            ?? Series(p.PricesEurPerMwh, "pricesEurPerMwh", MinPrice, MaxPrice, " EUR/MWh");
        return problem is not null
            ? new Validated<PriceCurve>(null, problem)
            : Validated<PriceCurve>.Ok(new PriceCurve(topicZone, p.Start!.Value, TimeSpan.FromMinutes(p.ResolutionMinutes!.Value),
                [.. p.PricesEurPerMwh!.Select(v => new EurPerMwh(v))]));
    }

    public static Validated<OutdoorForecast> Weather(WeatherPayload? p, string topicSiteId)
    {
        if (p is null)
        {
            return Validated<OutdoorForecast>.Fail(PayloadRejection.MalformedJson, "payload is JSON null");
        }

        var problem = SchemaOf(p.V)
            ?? KeyOf(p.SiteId, topicSiteId, "siteId")
            ?? Required(p.Start, "start")
            ?? Range(p.ResolutionMinutes, "resolutionMinutes", 1, 1440, " min")
            ?? Series(p.OutdoorCelsius, "outdoorCelsius", -60, 60, " °C");
        return problem is not null
            ? new Validated<OutdoorForecast>(null, problem)
            : Validated<OutdoorForecast>.Ok(new OutdoorForecast(topicSiteId, p.Start!.Value, TimeSpan.FromMinutes(p.ResolutionMinutes!.Value),
                p.OutdoorCelsius!.Select(v => new Celsius(v)).ToImmutableArray()));
    }

    private static PayloadRejection? Series(IReadOnlyList<double>? values, string field, double min, double max, string unit)
    {
        if (values is null)
        {
            return Missing(field);
        }

        if (values.Count is 0 or > MaxPoints)
        {
            return new PayloadRejection(PayloadRejection.OutOfRange, $"{field} has {values.Count} points; 1..{MaxPoints} allowed");
        }

        return values.Select((v, i) => Range(v, $"{field}[{i}]", min, max, unit)).FirstOrDefault(r => r is not null);
    }
}
