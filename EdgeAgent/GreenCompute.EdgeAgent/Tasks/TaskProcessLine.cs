using System.Globalization;

namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>One protocol line: kind ("progress", "checkpointed", "paused", "completed"), units done, total, or the output hash.</summary>
internal readonly record struct TaskProcessLine(string Kind, long Done, long Total, string? Hash)
{
    public static bool TryParse(string line, out TaskProcessLine parsed)
    {
        parsed = default;
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        static long Number(string[] p, int i) =>
            p.Length > i && long.TryParse(p[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;

        parsed = parts[0] switch
        {
            "progress" => new TaskProcessLine("progress", Number(parts, 1), Number(parts, 2), null),
            "checkpointed" or "paused" => new TaskProcessLine(parts[0], Number(parts, 1), -1, null),
            "completed" when parts.Length == 2 => new TaskProcessLine("completed", -1, -1, parts[1]),
            _ => default,
        };
        return parsed.Kind is not null && (parsed.Kind == "completed" || parsed.Done >= 0);
    }
}
