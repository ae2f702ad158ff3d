namespace GreenCompute.Influx.Querying;

/// <summary>One series of a statement's result: a measurement and, with <c>GROUP BY</c> tags, one combination of tag values.</summary>
public sealed class InfluxSeries
{
    private readonly Dictionary<string, int> _columnIndex;

    internal InfluxSeries(string name, IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> columns, bool partial)
    {
        Name = name;
        Tags = tags;
        Columns = columns;
        Partial = partial;
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = columns.Count - 1; i >= 0; i--)
        {
            _columnIndex[columns[i]] = i;
        }
    }

    /// <summary>The measurement (or for <c>SHOW</c> statements the result's name; empty if the server gave none).</summary>
    public string Name { get; }

    /// <summary>The <c>GROUP BY</c> tag values; a series without the tag has an empty value.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<InfluxRow> Rows { get; internal set; } = [];

    /// <summary>True when the server cut the series short (<c>max-row-limit</c>).</summary>
    public bool Partial { get; }

    /// <summary>The index of <paramref name="column"/>, or -1.</summary>
    public int ColumnIndex(string column) => _columnIndex.GetValueOrDefault(column, -1);
}
