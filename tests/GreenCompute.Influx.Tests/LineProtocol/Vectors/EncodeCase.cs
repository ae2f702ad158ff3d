namespace GreenCompute.Influx.Tests.LineProtocol.Vectors;

/// <summary>An encode case: a point and either the exact expected line or the expected error.</summary>
internal sealed record EncodeCase(string Key, CorpusPoint Point, string? Result, string? Error);
