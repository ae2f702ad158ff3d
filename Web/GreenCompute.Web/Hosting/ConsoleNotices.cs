namespace GreenCompute.Web.Hosting;

/// <summary>
/// Lines for the person who started the host (URL, first-run password): written to the console, not to the log,
/// so a password never lands in a log file. Tests read them from <see cref="Lines"/>.
/// </summary>
internal sealed class ConsoleNotices(TextWriter output)
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Write(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }

        output.WriteLine(line);
        output.Flush();
    }
}
