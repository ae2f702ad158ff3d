namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// A syntax error in line-protocol input. <see cref="Line"/> and <see cref="Column"/> are 1-based; the column counts
/// UTF-8 bytes from the start of the physical line (a string field may span lines).
/// </summary>
public sealed record LineProtocolError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
