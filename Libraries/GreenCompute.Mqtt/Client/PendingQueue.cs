using GreenCompute.Mqtt.Protocol;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// The bounded queue of messages accepted but not sent yet, in publish order. Policy when full: drop the oldest QoS 0
/// message; if there is none, drop a new QoS 0 message or refuse a new QoS 1/2 message with
/// <see cref="MqttPendingQueueFullException"/>: a QoS 1/2 message is never dropped once accepted. Not thread-safe.
/// </summary>
internal sealed class PendingQueue(int capacity)
{
    private readonly LinkedList<OutgoingPublish> _items = new();

    public int Count => _items.Count;

    public long DroppedQoS0 { get; private set; }

    public long Refused { get; private set; }

    public OutgoingPublish? First => _items.First?.Value;

    public IEnumerable<OutgoingPublish> Items => _items;

    /// <exception cref="MqttPendingQueueFullException">Full of QoS 1/2 messages and <paramref name="item"/> is QoS 1/2.</exception>
    public void Add(OutgoingPublish item)
    {
        if (_items.Count >= capacity)
        {
            var oldest = _items.First;
            while (oldest is not null && oldest.Value.Message.QualityOfService != MqttQualityOfService.AtMostOnce)
            {
                oldest = oldest.Next;
            }

            if (oldest is not null)
            {
                Remove(oldest.Value);
                DroppedQoS0++;
                oldest.Value.Complete(MqttPublishStatus.Dropped);
            }
            else if (item.Message.QualityOfService == MqttQualityOfService.AtMostOnce)
            {
                DroppedQoS0++;
                item.Complete(MqttPublishStatus.Dropped);
                return;
            }
            else
            {
                Refused++;
                throw new MqttPendingQueueFullException(capacity);
            }
        }

        item.PendingNode = _items.AddLast(item);
    }

    public void Remove(OutgoingPublish item)
    {
        if (item.PendingNode is { } node)
        {
            _items.Remove(node);
            item.PendingNode = null;
        }
    }

    public void Clear()
    {
        foreach (var item in _items)
        {
            item.PendingNode = null;
        }

        _items.Clear();
    }
}
