using GreenCompute.Influx.LineProtocol;

namespace GreenCompute.Influx.Tests.LineProtocol.Vectors;

/// <summary>A decode case: input bytes and either the expected points or the expected error.</summary>
internal sealed record DecodeCase(
    string Key,
    byte[] Input,
    WritePrecision Precision,
    long DefaultTime,
    string Implementation,
    IReadOnlyList<CorpusPoint>? Result,
    string? Error);
