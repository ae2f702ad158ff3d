namespace GreenCompute.Influx.LineProtocol;

/// <summary>The parts of a line that share escaping rules when reading.</summary>
internal enum TokenKind
{
    Measurement,

    /// <summary>Tag keys, tag values and field keys.</summary>
    Key,

    /// <summary>String field values with only <c>\"</c> and <c>\\</c> unescaped (InfluxDB 1.x).</summary>
    InfluxDb1String,

    /// <summary>String field values that also unescape <c>\n \r \t</c> (specification).</summary>
    SpecificationString,
}
