namespace GreenCompute.Core.Thermal;

/// <summary>What a node grain persists of its <see cref="SensorOffsetEstimator"/>.</summary>
public sealed record SensorOffsetState(double KelvinPerWatt, int Steps);
