namespace GreenCompute.Core.Units;

/// <summary>Power in watts. For a heater-computer, electrical power in equals heat out.</summary>
public readonly record struct Watts(double Value) : IComparable<Watts>
{
    public static readonly Watts Zero = new(0);

    public static Watts operator +(Watts a, Watts b) => new(a.Value + b.Value);
    public static Watts operator -(Watts a, Watts b) => new(a.Value - b.Value);
    public static Watts operator *(Watts a, double k) => new(a.Value * k);
    public static Watts operator *(double k, Watts a) => new(a.Value * k);
    public static Watts operator /(Watts a, double k) => new(a.Value / k);
    public static double operator /(Watts a, Watts b) => a.Value / b.Value;

    /// <summary>Energy delivered by this power held for <paramref name="duration"/>.</summary>
    public static WattHours operator *(Watts p, TimeSpan duration) => new(p.Value * duration.TotalHours);

    public static bool operator <(Watts a, Watts b) => a.Value < b.Value;
    public static bool operator >(Watts a, Watts b) => a.Value > b.Value;
    public static bool operator <=(Watts a, Watts b) => a.Value <= b.Value;
    public static bool operator >=(Watts a, Watts b) => a.Value >= b.Value;

    public static Watts Min(Watts a, Watts b) => a.Value <= b.Value ? a : b;
    public static Watts Max(Watts a, Watts b) => a.Value >= b.Value ? a : b;

    public int CompareTo(Watts other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value:0.#} W";
}
