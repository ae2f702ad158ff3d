using GreenCompute.Core.Units;

namespace GreenCompute.EdgeAgent.Sensors;

/// <summary>
/// One look at the heater: room air, electrical power now, the monotonic energy counter, CPU use 0..1, the hottest
/// device temperature (CPU package, thermal zone) when the host has one, and where the numbers came from.
/// </summary>
internal sealed record SensorReading(Celsius Room, Watts Power, WattHours Energy, double Cpu, Celsius? DeviceCelsius, string Source);
