namespace GreenCompute.EdgeAgent.Sandbox;

/// <summary>A command workload the operator allowed on this heater: workload "cmd:NAME" runs EXECUTABLE ARGS… in the sandbox.</summary>
internal sealed record AllowedCommand(string Name, string Executable, IReadOnlyList<string> Arguments)
{
    /// <summary>Parses "NAME=/path/to/exe arg1 arg2" (the --allow option).</summary>
    public static AllowedCommand Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var parts = eq > 0 ? text[(eq + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        if (parts.Length == 0 || !Path.IsPathRooted(parts[0]))
        {
            throw new ArgumentException($"--allow '{text}': expected NAME=/absolute/path/to/program [args]", nameof(text));
        }

        return new AllowedCommand(text[..eq], parts[0], parts[1..]);
    }
}
