namespace GreenCompute.Core.Units;

/// <summary>Comfort violation: kelvin outside the band integrated over hours (BOPTEST's tdis).</summary>
public readonly record struct KelvinHours(double Value)
{
    public static readonly KelvinHours Zero = new(0);

    public static KelvinHours operator +(KelvinHours a, KelvinHours b) => new(a.Value + b.Value);

    public override string ToString() => $"{Value:0.##} K·h";
}
