namespace GreenCompute.Core.Units;

/// <summary>An amount of money in euros.</summary>
public readonly record struct Eur(double Value) : IComparable<Eur>
{
    public static readonly Eur Zero = new(0);

    public static Eur operator +(Eur a, Eur b) => new(a.Value + b.Value);
    public static Eur operator -(Eur a, Eur b) => new(a.Value - b.Value);
    public static Eur operator *(Eur a, double k) => new(a.Value * k);
    public static Eur operator /(Eur a, double k) => new(a.Value / k);

    public static bool operator <(Eur a, Eur b) => a.Value < b.Value;
    public static bool operator >(Eur a, Eur b) => a.Value > b.Value;
    public static bool operator <=(Eur a, Eur b) => a.Value <= b.Value;
    public static bool operator >=(Eur a, Eur b) => a.Value >= b.Value;

    public int CompareTo(Eur other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value:0.00} EUR";
}
