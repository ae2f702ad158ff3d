namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>An LP as data: row senses and right-hand sides, and columns (cost, upper bound, sparse entries).</summary>
internal sealed record LpModel(IReadOnlyList<RowKind> Kinds, IReadOnlyList<double> Rhs, IReadOnlyList<LpColumn> Columns)
{
    public DenseSimplex ToSimplex()
    {
        var simplex = new DenseSimplex(Kinds, Rhs);
        foreach (var column in Columns)
        {
            simplex.AddColumn(column.Cost, column.Upper, column.Entries);
        }

        return simplex;
    }
}

/// <summary>One LP column: cost, upper bound (lower bound 0) and its nonzero (row, coefficient) entries.</summary>
internal sealed record LpColumn(double Cost, double Upper, (int Row, double Value)[] Entries);
