namespace GreenCompute.Influx.LineProtocol;

/// <summary>The four field types of InfluxDB 1.x plus the unsigned integer of 2.x (suffix <c>u</c>).</summary>
public enum FieldValueKind
{
    Float,
    Integer,
    UnsignedInteger,
    Boolean,
    String,
}
