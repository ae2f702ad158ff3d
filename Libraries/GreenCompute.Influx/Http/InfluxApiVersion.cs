namespace GreenCompute.Influx.Http;

/// <summary>Which write endpoint the writer posts to.</summary>
public enum InfluxApiVersion
{
    /// <summary>InfluxDB 1.x <c>/write?db=&amp;rp=&amp;precision=</c> (also served by 2.x from 1.8 and by 3.x for compatibility).</summary>
    V1,

    /// <summary>InfluxDB 2.x <c>/api/v2/write?org=&amp;bucket=&amp;precision=</c> with <c>Authorization: Token …</c>.</summary>
    V2,
}
