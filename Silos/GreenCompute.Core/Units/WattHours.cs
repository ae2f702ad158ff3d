namespace GreenCompute.Core.Units;

/// <summary>Energy in watt-hours (1 kWh = 1,000 Wh).</summary>
public readonly record struct WattHours(double Value) : IComparable<WattHours>
{
    public static readonly WattHours Zero = new(0);

    public double KilowattHours => Value / 1000.0;
    public double MegawattHours => Value / 1_000_000.0;

    public static WattHours FromKilowattHours(double kWh) => new(kWh * 1000.0);

    public static WattHours operator +(WattHours a, WattHours b) => new(a.Value + b.Value);
    public static WattHours operator -(WattHours a, WattHours b) => new(a.Value - b.Value);
    public static WattHours operator *(WattHours a, double k) => new(a.Value * k);
    public static WattHours operator /(WattHours a, double k) => new(a.Value / k);
    public static double operator /(WattHours a, WattHours b) => a.Value / b.Value;

    /// <summary>Average power that delivers this energy over <paramref name="duration"/>.</summary>
    public static Watts operator /(WattHours e, TimeSpan duration) => new(e.Value / duration.TotalHours);

    /// <summary>Cost of this energy at a market price.</summary>
    public static Eur operator *(WattHours e, EurPerMwh price) => new(e.MegawattHours * price.Value);

    public static bool operator <(WattHours a, WattHours b) => a.Value < b.Value;
    public static bool operator >(WattHours a, WattHours b) => a.Value > b.Value;
    public static bool operator <=(WattHours a, WattHours b) => a.Value <= b.Value;
    public static bool operator >=(WattHours a, WattHours b) => a.Value >= b.Value;

    public int CompareTo(WattHours other) => Value.CompareTo(other.Value);

    public override string ToString() => Value >= 10_000 ? $"{KilowattHours:0.##} kWh" : $"{Value:0.#} Wh";
}
