using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Writing;

/// <summary>One encoded point (UTF-8, no trailing newline) and the precision of its timestamp.</summary>
internal readonly record struct BufferedLine(WritePrecision Precision, byte[] Utf8);
