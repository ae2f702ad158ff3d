namespace GreenCompute.Mqtt.Broker;

/// <summary>
/// The members of one "$share/{ShareName}/{filter}" (MQTT 5, 4.8.2): each matching message goes to one member, round
/// robin, skipping members whose session is offline unless all are (then the next one queues it in its session).
/// </summary>
internal sealed class SharedSubscriptionGroup(string shareName, string filter)
{
    private readonly List<(BrokerSession Session, BrokerSubscription Subscription)> _members = [];
    private int _next;

    public string ShareName { get; } = shareName;

    public string Filter { get; } = filter;

    public bool IsEmpty => _members.Count == 0;

    public void AddOrReplace(BrokerSession session, BrokerSubscription subscription)
    {
        var index = _members.FindIndex(m => m.Session == session);
        if (index >= 0)
        {
            _members[index] = (session, subscription);
        }
        else
        {
            _members.Add((session, subscription));
        }
    }

    public void Remove(BrokerSession session) => _members.RemoveAll(m => m.Session == session);

    public (BrokerSession Session, BrokerSubscription Subscription)? Next()
    {
        if (_members.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < _members.Count; i++)
        {
            var candidate = _members[(_next + i) % _members.Count];
            if (candidate.Session.Connection is not null)
            {
                _next = (_next + i + 1) % _members.Count;
                return candidate;
            }
        }

        var fallback = _members[_next % _members.Count];
        _next = (_next + 1) % _members.Count;
        return fallback;
    }
}
