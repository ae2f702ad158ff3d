namespace GreenCompute.Simulation.Devices;

/// <summary>What a simulated heater-computer is doing.</summary>
public enum HeaterState
{
    /// <summary>Power cap below idle power: switched off, 0 W.</summary>
    Off,

    /// <summary>On, no running task, no heat wanted: idle power.</summary>
    Idle,

    /// <summary>Running at least one task.</summary>
    Computing,

    /// <summary>No running task but heat wanted: burns filler load up to the power cap.</summary>
    HeatOnly,

    /// <summary>Failed or disconnected: no heat, no telemetry, commands are lost.</summary>
    Offline,
}
