using System.Text;
using System.Text.Json;

namespace GreenCompute.Influx.Tests.LineProtocol.Vectors;

/// <summary>
/// influx/influxdb-client-csharp-PointDataTest.json: the official C# client's 28 builder tests, with their expected
/// strings as C# literals.
/// </summary>
internal static class ClientPointDataVectors
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Tests = new(Load);

    public static IReadOnlyCollection<string> TestNames => Tests.Value.Keys.ToList();

    /// <summary>The <paramref name="index"/>th expected string of client test <paramref name="test"/>, unescaped.</summary>
    public static string Expected(string test, int index = 0) => Tests.Value[test][index];

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.PathOf("influx/influxdb-client-csharp-PointDataTest.json")));
        return document.RootElement.GetProperty("tests").EnumerateArray().ToDictionary(
            test => test.GetProperty("test").GetString()!,
            test => (IReadOnlyList<string>)test.GetProperty("expected_csharp_literals").EnumerateArray()
                .Select(literal => FromCSharpLiteral(literal.GetString()!))
                .ToList());
    }

    private static string FromCSharpLiteral(string literal)
    {
        var text = new StringBuilder();
        for (int i = 1; i < literal.Length - 1; i++)
        {
            char c = literal[i];
            text.Append(c != '\\' ? c : literal[++i] switch
            {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                var escaped => escaped,
            });
        }

        return text.ToString();
    }
}
