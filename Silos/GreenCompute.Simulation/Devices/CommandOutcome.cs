namespace GreenCompute.Simulation.Devices;

/// <summary>What a simulated node did with a command.</summary>
public enum CommandOutcome
{
    Accepted,

    /// <summary>The node is offline; the command is lost, as a real device would miss it.</summary>
    NodeOffline,

    UnknownTask,

    DuplicateTask,

    /// <summary>Bad arguments: no work, no cores, more cores than the heater has, or a negative cap.</summary>
    Invalid,
}
