namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// Orders strings as their UTF-8 bytes compare (Go's <c>bytes.Compare</c>), the order InfluxDB recommends for tags.
/// UTF-16 code-unit order matches it except that surrogates (U+D800–U+DFFF, code points above U+FFFF) must sort
/// after U+E000–U+FFFF; <see cref="string.CompareOrdinal(string, string)"/> alone would get that wrong.
/// </summary>
internal sealed class Utf8OrdinalComparer : IComparer<string>
{
    public static Utf8OrdinalComparer Instance { get; } = new();

    public int Compare(string? x, string? y) => Compare(x.AsSpan(), y.AsSpan());

    public static int Compare(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        int common = x.CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        return CodePointOrder(x[common]) - CodePointOrder(y[common]);
    }

    private static int CodePointOrder(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
