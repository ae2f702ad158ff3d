namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// One column of the simplex tableau: its original (row-normalised) sparse entries, cost, upper bound, and the
/// current tableau column B⁻¹·a. Slack and artificial columns are kept like user columns; artificial ones never
/// enter the basis and, after phase I, are fixed at zero.
/// </summary>
internal sealed class SimplexColumn(double cost, double upper, (int Row, double Value)[] entries, bool artificial)
{
    public double Cost { get; set; } = cost;

    public double Upper { get; set; } = upper;

    /// <summary>Entries after the row flips (rows with a negative right-hand side are negated).</summary>
    public (int Row, double Value)[] Entries { get; } = entries;

    public bool Artificial { get; } = artificial;

    public double[] Tableau { get; set; } = [];

    public double Reduced { get; set; }

    /// <summary>Row where it is basic, or −1.</summary>
    public int BasicRow { get; set; } = -1;

    /// <summary>For a nonbasic column: at its upper bound (else at zero).</summary>
    public bool AtUpper { get; set; }
}
