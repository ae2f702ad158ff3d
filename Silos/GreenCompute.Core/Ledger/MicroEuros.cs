namespace GreenCompute.Core.Ledger;

/// <summary>Money in whole millionths of a euro: exact sums for cumulative payouts (a double would drift).</summary>
public readonly record struct MicroEuros(long Value) : IComparable<MicroEuros>
{
    public static readonly MicroEuros Zero = new(0);

    public decimal Euros => Value / 1_000_000m;

    public static MicroEuros operator +(MicroEuros a, MicroEuros b) => new(checked(a.Value + b.Value));

    public static bool operator <(MicroEuros a, MicroEuros b) => a.Value < b.Value;
    public static bool operator >(MicroEuros a, MicroEuros b) => a.Value > b.Value;
    public static bool operator <=(MicroEuros a, MicroEuros b) => a.Value <= b.Value;
    public static bool operator >=(MicroEuros a, MicroEuros b) => a.Value >= b.Value;

    public int CompareTo(MicroEuros other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Euros:0.000000} EUR";
}
