namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>The sense of a linear constraint row.</summary>
internal enum RowKind
{
    LessOrEqual,
    Equal,
    GreaterOrEqual,
}
