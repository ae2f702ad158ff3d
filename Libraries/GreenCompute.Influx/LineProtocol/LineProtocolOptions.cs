namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// Which line-protocol dialect the writer emits and the reader accepts. The default, <see cref="InfluxDb1"/>, is what
/// InfluxDB 1.6.7 was observed to store faithfully; <see cref="Specification"/> is the grammar and escape set of
/// influxdata/line-protocol v2 (and InfluxDB 2.x).
/// </summary>
public sealed record LineProtocolOptions
{
    /// <summary>InfluxDB 1.x: no <c>u</c> integers, no <c>time</c> keys, strings escape only <c>\"</c> and <c>\\</c>.</summary>
    public static LineProtocolOptions InfluxDb1 { get; } = new();

    /// <summary>The v2 specification: <c>u</c> integers and <c>time</c> keys allowed, <c>\n \r \t</c> escapes in strings.</summary>
    public static LineProtocolOptions Specification { get; } = new()
    {
        AllowUnsigned = true,
        AllowTimeKeys = true,
        EscapeStringControlCharacters = true,
    };

    /// <summary>
    /// Allow unsigned integers (<c>42u</c>). InfluxDB 1.x answers them with 400 "invalid number" unless built with
    /// uint64 support, so they are opt-in.
    /// </summary>
    public bool AllowUnsigned { get; init; }

    /// <summary>Allow a tag key or field key named <c>time</c>; InfluxDB 1.x rejects both ("invalid tag key", "invalid field name").</summary>
    public bool AllowTimeKeys { get; init; }

    /// <summary>
    /// Escape newline, carriage return and tab inside string fields as <c>\n \r \t</c> (and unescape them when reading).
    /// InfluxDB 1.x does not unescape them: it stores <c>\n</c> as two characters, but stores a raw newline inside
    /// quotes as a newline, so the 1.x dialect writes them raw.
    /// </summary>
    public bool EscapeStringControlCharacters { get; init; }
}
