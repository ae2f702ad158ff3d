namespace GreenCompute.Influx.Querying;

public enum InfluxValueKind
{
    Null,
    Float,
    Integer,
    String,
    Boolean,
}
