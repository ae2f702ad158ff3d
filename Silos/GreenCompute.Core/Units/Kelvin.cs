namespace GreenCompute.Core.Units;

/// <summary>A temperature difference in kelvin (equal to a difference in °C).</summary>
public readonly record struct Kelvin(double Value) : IComparable<Kelvin>
{
    public static readonly Kelvin Zero = new(0);

    public static Kelvin operator +(Kelvin a, Kelvin b) => new(a.Value + b.Value);
    public static Kelvin operator -(Kelvin a, Kelvin b) => new(a.Value - b.Value);
    public static Kelvin operator -(Kelvin a) => new(-a.Value);
    public static Kelvin operator *(Kelvin a, double k) => new(a.Value * k);

    public static bool operator <(Kelvin a, Kelvin b) => a.Value < b.Value;
    public static bool operator >(Kelvin a, Kelvin b) => a.Value > b.Value;
    public static bool operator <=(Kelvin a, Kelvin b) => a.Value <= b.Value;
    public static bool operator >=(Kelvin a, Kelvin b) => a.Value >= b.Value;

    /// <summary>Kelvin-hours: a temperature difference held for a duration (comfort violation).</summary>
    public static KelvinHours operator *(Kelvin a, TimeSpan duration) => new(a.Value * duration.TotalHours);

    public int CompareTo(Kelvin other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value:0.00} K";
}
