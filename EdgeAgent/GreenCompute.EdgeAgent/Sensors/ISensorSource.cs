namespace GreenCompute.EdgeAgent.Sensors;

/// <summary>Where the agent reads its heater and room from: the simulated room by default, Linux sysfs when present.</summary>
internal interface ISensorSource
{
    /// <summary>Reads now; <paramref name="load"/> is the share of the heater's cores the agent's tasks keep busy (0..1).</summary>
    SensorReading Read(double load);
}
