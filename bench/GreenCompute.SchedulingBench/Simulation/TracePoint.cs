namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>One 15-minute sample of the chart room: air temperature at the sample, band, mean power and price.</summary>
internal readonly record struct TracePoint(DateTimeOffset Time, double Temperature, double BandMin, double BandMax, double PowerWatts, double Price);
