using System.Collections.Immutable;
using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Scheduling;

/// <summary>A site's outdoor temperature forecast from <see cref="Start"/>, one value per <see cref="Resolution"/> (gc/v1/weather/{siteId}).</summary>
public sealed record OutdoorForecast(string SiteId, DateTimeOffset Start, TimeSpan Resolution, ImmutableArray<Celsius> Temperatures)
{
    /// <summary>Linear interpolation between points; the first or last value outside the forecast.</summary>
    public Celsius At(DateTimeOffset time)
    {
        if (Temperatures.IsDefaultOrEmpty)
        {
            throw new InvalidOperationException($"The weather forecast of site {SiteId} is empty.");
        }

        var position = (time - Start) / Resolution;
        if (position <= 0)
        {
            return Temperatures[0];
        }

        if (position >= Temperatures.Length - 1)
        {
            return Temperatures[^1];
        }

        var i = (int)Math.Floor(position);
        var f = position - i;
        return new Celsius(Temperatures[i].Value + ((Temperatures[i + 1].Value - Temperatures[i].Value) * f));
    }
}
