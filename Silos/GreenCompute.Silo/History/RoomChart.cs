using GreenCompute.Influx.TimeSeries;

namespace GreenCompute.Silo.History;

/// <summary>A room over a window: temperature against its band, the heater's power and the electricity price.</summary>
internal sealed record RoomChart(
    string NodeId,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan Resolution,
    IReadOnlyList<TimeSeriesPoint> TemperatureCelsius,
    IReadOnlyList<TimeSeriesPoint> BandMinCelsius,
    IReadOnlyList<TimeSeriesPoint> BandMaxCelsius,
    IReadOnlyList<TimeSeriesPoint> PowerWatts,
    IReadOnlyList<TimeSeriesPoint> PriceEurPerMwh);
