namespace GreenCompute.Influx.LineProtocol;

/// <summary>Thrown by <see cref="LineProtocolReader.Parse(string, LineProtocolOptions?, WritePrecision, long?)"/> at the first malformed line.</summary>
public sealed class LineProtocolException : FormatException
{
    public LineProtocolException(LineProtocolError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public LineProtocolError Error { get; }

    public int Line => Error.Line;

    public int Column => Error.Column;
}
