using System.Buffers;

namespace GreenCompute.Influx.LineProtocol;

/// <summary>
/// What must be escaped in each part of a line. Measurements: comma and space. Tag keys, tag values and field keys:
/// comma, equals sign and space. String field values: double quote and backslash (plus newline, carriage return and
/// tab in the specification dialect). Control characters are forbidden outside string values: the specification has
/// no escape for them and a newline would end the line.
/// </summary>
internal sealed class Escaping
{
    private const string ControlCharacters =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F";

    private readonly string _escaped;
    private readonly string _letters;

    private Escaping(string escaped, string letters, bool forbidControlCharacters)
    {
        _escaped = escaped;
        _letters = letters;
        Specials = SearchValues.Create(forbidControlCharacters ? escaped + ControlCharacters : escaped);
    }

    public static Escaping Measurement { get; } = new(", ", ", ", forbidControlCharacters: true);

    /// <summary>Tag keys, tag values and field keys.</summary>
    public static Escaping Key { get; } = new(",= ", ",= ", forbidControlCharacters: true);

    public static Escaping InfluxDb1String { get; } = new("\"\\", "\"\\", forbidControlCharacters: false);

    public static Escaping SpecificationString { get; } = new("\"\\\n\r\t", "\"\\nrt", forbidControlCharacters: false);

    /// <summary>Characters that end a run of verbatim text: the escaped ones and, outside strings, control characters.</summary>
    public SearchValues<char> Specials { get; }

    /// <summary>The character written after the backslash, or <c>'\0'</c> when <paramref name="c"/> is forbidden.</summary>
    public char EscapeLetter(char c)
    {
        int index = _escaped.IndexOf(c, StringComparison.Ordinal);
        return index < 0 ? '\0' : _letters[index];
    }
}
