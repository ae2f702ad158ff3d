namespace GreenCompute.Core.Units;

/// <summary>An electricity price in EUR per MWh, as day-ahead markets quote it. May be negative.</summary>
public readonly record struct EurPerMwh(double Value) : IComparable<EurPerMwh>
{
    public static bool operator <(EurPerMwh a, EurPerMwh b) => a.Value < b.Value;
    public static bool operator >(EurPerMwh a, EurPerMwh b) => a.Value > b.Value;
    public static bool operator <=(EurPerMwh a, EurPerMwh b) => a.Value <= b.Value;
    public static bool operator >=(EurPerMwh a, EurPerMwh b) => a.Value >= b.Value;

    public int CompareTo(EurPerMwh other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value:0.##} EUR/MWh";
}
