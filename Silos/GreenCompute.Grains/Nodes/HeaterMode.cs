namespace GreenCompute.Grains.Nodes;

/// <summary>What a heater is doing, as a building manager sees it.</summary>
public enum HeaterMode
{
    /// <summary>Heating with paid work.</summary>
    Computing,
    /// <summary>Heating without paid work (no task queued, or none fits).</summary>
    HeatOnly,
    /// <summary>Not heating.</summary>
    Idle,
    /// <summary>No telemetry for too long, or the device reported a failure.</summary>
    Offline,
}
