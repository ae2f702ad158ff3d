using GreenCompute.Core.Units;

namespace GreenCompute.Core.Thermal;

/// <summary>One telemetry reading for model fitting: room and outdoor temperature and the heater power at that time.</summary>
public readonly record struct ThermalSample(DateTimeOffset Time, Celsius Room, Celsius Outdoor, Watts Power);
