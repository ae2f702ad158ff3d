namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// The unit of a line-protocol timestamp. InfluxDB reads every timestamp of one write request in the
/// precision named by the request (<c>/write?precision=</c>), so a batch must not mix precisions.
/// </summary>
public enum WritePrecision
{
    Nanoseconds,
    Microseconds,
    Milliseconds,
    Seconds,
}
