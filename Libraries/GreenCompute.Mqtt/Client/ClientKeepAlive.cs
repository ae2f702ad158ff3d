using GreenCompute.Mqtt.Channel;
using GreenCompute.Mqtt.Packets;

namespace GreenCompute.Mqtt.Client;

/// <summary>
/// Keep alive, client side (spec 3.1.2.10): a PINGREQ when nothing was sent for one keep alive period, and the
/// connection is declared dead when no PINGRESP follows within the ping timeout. One timer from the injected
/// <see cref="TimeProvider"/>, re-armed for the next instant something is due.
/// </summary>
internal sealed class ClientKeepAlive : IDisposable
{
    private readonly Lock _gate = new();
    private readonly MqttPacketChannel _channel;
    private readonly TimeSpan _keepAlive;
    private readonly TimeSpan _pingTimeout;
    private readonly TimeProvider _time;
    private readonly Action<string> _onTimeout;
    private readonly ITimer _timer;
    private long? _pingSentAt;
    private bool _disposed;

    public ClientKeepAlive(MqttPacketChannel channel, TimeSpan keepAlive, TimeSpan pingTimeout, TimeProvider time, Action<string> onTimeout)
    {
        _channel = channel;
        _keepAlive = keepAlive;
        _pingTimeout = pingTimeout;
        _time = time;
        _onTimeout = onTimeout;
        _timer = time.CreateTimer(_ => OnTimer(), null, keepAlive, Timeout.InfiniteTimeSpan);
    }

    public void PingResponseReceived()
    {
        lock (_gate)
        {
            _pingSentAt = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private void OnTimer()
    {
        string? timeout = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            if (_pingSentAt is { } sentAt && _time.GetElapsedTime(sentAt, now) >= _pingTimeout)
            {
                timeout = $"No PINGRESP within {_pingTimeout.TotalSeconds:0.###} s of PINGREQ.";
            }
            else
            {
                var idle = _time.GetElapsedTime(_channel.LastSentTimestamp, now);
                if (idle >= _keepAlive)
                {
                    _pingSentAt ??= now;
                    _channel.Send(MqttPingReqPacket.Instance);
                    idle = TimeSpan.Zero;
                }

                var next = _keepAlive - idle;
                if (_pingSentAt is { } pingAt)
                {
                    var left = _pingTimeout - _time.GetElapsedTime(pingAt, now);
                    next = left < next ? left : next;
                }

                _timer.Change(next, Timeout.InfiniteTimeSpan);
            }
        }

        if (timeout is not null)
        {
            _onTimeout(timeout);
        }
    }
}
