namespace GreenCompute.Core.Units;

/// <summary>A temperature in degrees Celsius. Differences of two temperatures are <see cref="Kelvin"/>.</summary>
public readonly record struct Celsius(double Value) : IComparable<Celsius>
{
    public static Kelvin operator -(Celsius a, Celsius b) => new(a.Value - b.Value);
    public static Celsius operator +(Celsius a, Kelvin d) => new(a.Value + d.Value);
    public static Celsius operator -(Celsius a, Kelvin d) => new(a.Value - d.Value);

    public static bool operator <(Celsius a, Celsius b) => a.Value < b.Value;
    public static bool operator >(Celsius a, Celsius b) => a.Value > b.Value;
    public static bool operator <=(Celsius a, Celsius b) => a.Value <= b.Value;
    public static bool operator >=(Celsius a, Celsius b) => a.Value >= b.Value;

    public static Celsius Min(Celsius a, Celsius b) => a.Value <= b.Value ? a : b;
    public static Celsius Max(Celsius a, Celsius b) => a.Value >= b.Value ? a : b;

    public int CompareTo(Celsius other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value:0.0} °C";
}
