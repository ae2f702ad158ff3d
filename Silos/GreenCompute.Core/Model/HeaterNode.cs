namespace GreenCompute.Core.Model;

/// <summary>One heater-computer, keyed by its node id (the node grain's key), installed in one room.</summary>
public sealed record HeaterNode
{
    public HeaterNode(string id, string roomId, HeaterSpec spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(roomId);
        ArgumentNullException.ThrowIfNull(spec);
        Id = id;
        RoomId = roomId;
        Spec = spec;
    }

    public string Id { get; }

    public string RoomId { get; }

    public HeaterSpec Spec { get; }
}
