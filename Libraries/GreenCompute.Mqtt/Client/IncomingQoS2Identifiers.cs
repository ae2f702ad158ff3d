namespace GreenCompute.Mqtt.Client;

/// <summary>
/// Session state for exactly-once receipt: QoS 2 packet identifiers delivered to the application and not yet released
/// by PUBREL. A resent PUBLISH with such an identifier is acknowledged again but not delivered twice.
/// </summary>
internal sealed class IncomingQoS2Identifiers
{
    private readonly Lock _gate = new();
    private readonly HashSet<ushort> _ids = [];

    /// <summary>True the first time this identifier is seen (deliver the message), false for a resend.</summary>
    public bool Begin(ushort packetIdentifier)
    {
        lock (_gate)
        {
            return _ids.Add(packetIdentifier);
        }
    }

    /// <summary>PUBREL: forget the identifier; false when it was not known.</summary>
    public bool Release(ushort packetIdentifier)
    {
        lock (_gate)
        {
            return _ids.Remove(packetIdentifier);
        }
    }

    /// <summary>The server has no session: identifiers it sends from now on belong to new messages.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _ids.Clear();
        }
    }
}
