namespace GreenCompute.Influx.LineProtocol;

/// <summary>Why a name or value could not be written, for the writer's error message.</summary>
internal enum EscapeProblem
{
    None,
    ControlCharacter,
    InvalidUtf16,
}
