using GreenCompute.Actors;

namespace GreenCompute.Grains.Nodes;

/// <summary>One heater-computer (key: node id). Keeps its telemetry, learns its room's thermal model, plans its heat.</summary>
public interface IHeaterNodeGrain : IGrainWithStringKey
{
    /// <summary>Pairs the node to its room; throws <see cref="ArgumentException"/> for an unusable comfort schedule.</summary>
    Task Register(NodeRegistration registration);

    /// <summary>Applies one telemetry report; a bad report is rejected with its reason and changes nothing.</summary>
    Task<TelemetryResult> ReportTelemetry(NodeTelemetry telemetry);

    /// <summary>The device said it is offline (status topic / last will), or failed.</summary>
    Task MarkOffline(string reason);

    /// <summary>Plans the node's heat over the horizon; null when the node has no room temperature yet.</summary>
    Task<NodePlanResult> Plan(NodePlanRequest request);

    /// <summary>Records the scheduler's decision and forwards it to the device.</summary>
    Task ApplyCommand(NodeCommand command);

    /// <summary>Replaces the room's comfort schedule; throws <see cref="ArgumentException"/> naming the problem.</summary>
    Task SetComfortSchedule(ComfortScheduleDefinition comfort);

    /// <summary>The room's comfort schedule as paired or last set; throws <see cref="InvalidOperationException"/> when not paired.</summary>
    Task<ComfortScheduleDefinition> GetComfortSchedule();

    Task<NodeSnapshot> GetSnapshot();
}
