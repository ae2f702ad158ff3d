using System.Globalization;
using System.IO.Compression;

namespace GreenCompute.Simulation.Data;

/// <summary>Reads the data files line by line (plain or .gz) and parses their fields with clear errors.</summary>
internal static class DataText
{
    public const string DataOption = "--data";

    /// <summary>Yields (1-based line number, text) for every line of <paramref name="path"/>.</summary>
    public static IEnumerable<(int Line, string Text)> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFileException(
                $"file not found. Pass {DataOption} <folder> pointing at a folder that holds {Path.GetFileName(path)} " +
                "(the shared data folder is ../shared/data), or omit " + DataOption + " to run on the synthetic profile.",
                path);
        }

        return ReadExisting(path);
    }

    private static IEnumerable<(int Line, string Text)> ReadExisting(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        using var reader = new StreamReader(stream);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            yield return (number, text);
        }
    }

    public static void ExpectHeader(string path, int line, string actual, string expected)
    {
        if (!string.Equals(actual.Trim(), expected, StringComparison.Ordinal))
        {
            throw new DataFileException($"expected the header '{expected}' but found '{actual}'", path, line);
        }
    }

    public static string[] SplitCsv(string path, int line, string text, int expectedFields)
    {
        var fields = text.Split(',');
        if (fields.Length != expectedFields)
        {
            throw new DataFileException(
                $"expected {expectedFields} comma-separated fields but found {fields.Length}: '{text}'", path, line);
        }

        return fields;
    }

    public static double ParseDouble(string path, int line, string field, string what)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new DataFileException($"{what} '{field}' is not a number", path, line);
        }

        return value;
    }

    public static long ParseLong(string path, int line, string field, string what)
    {
        if (!long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new DataFileException($"{what} '{field}' is not an integer", path, line);
        }

        return value;
    }

    /// <summary>Parses a naive timestamp ("yyyy-MM-dd HH:mm:ss" or ISO "yyyy-MM-ddTHH:mm:ss") as a clock reading.</summary>
    public static DateTime ParseNaive(string path, int line, string field, string what)
    {
        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"];
        if (!DateTime.TryParseExact(field, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new DataFileException($"{what} '{field}' is not a timestamp like 2017-10-22 00:00:00", path, line);
        }

        return DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
    }
}
