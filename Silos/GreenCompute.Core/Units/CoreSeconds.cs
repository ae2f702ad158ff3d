namespace GreenCompute.Core.Units;

/// <summary>Work in CPU core-seconds: one core busy for one second.</summary>
public readonly record struct CoreSeconds(double Value) : IComparable<CoreSeconds>
{
    public static readonly CoreSeconds Zero = new(0);

    public double CoreHours => Value / 3600.0;

    public static CoreSeconds operator +(CoreSeconds a, CoreSeconds b) => new(a.Value + b.Value);
    public static CoreSeconds operator -(CoreSeconds a, CoreSeconds b) => new(a.Value - b.Value);
    public static CoreSeconds operator *(CoreSeconds a, double k) => new(a.Value * k);
    public static double operator /(CoreSeconds a, CoreSeconds b) => a.Value / b.Value;

    public static bool operator <(CoreSeconds a, CoreSeconds b) => a.Value < b.Value;
    public static bool operator >(CoreSeconds a, CoreSeconds b) => a.Value > b.Value;
    public static bool operator <=(CoreSeconds a, CoreSeconds b) => a.Value <= b.Value;
    public static bool operator >=(CoreSeconds a, CoreSeconds b) => a.Value >= b.Value;

    public static CoreSeconds Min(CoreSeconds a, CoreSeconds b) => a.Value <= b.Value ? a : b;
    public static CoreSeconds Max(CoreSeconds a, CoreSeconds b) => a.Value >= b.Value ? a : b;

    public int CompareTo(CoreSeconds other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value:0.#} core-s";
}
