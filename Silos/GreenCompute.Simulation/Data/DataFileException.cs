namespace GreenCompute.Simulation.Data;

/// <summary>
/// A data file is missing or malformed. The message names the file (and line when known) and says how to fix it.
/// </summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string message, string? filePath = null, int? line = null, Exception? inner = null)
        : base(Format(message, filePath, line), inner)
    {
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The file at fault, when there is one.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line at fault, when known.</summary>
    public int? Line { get; }

    private static string Format(string message, string? filePath, int? line) =>
        (filePath, line) switch
        {
            (null, _) => message,
            (_, null) => $"{filePath}: {message}",
            _ => $"{filePath}:{line}: {message}",
        };
}
