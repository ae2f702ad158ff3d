namespace GreenCompute.Cli;

/// <summary>The command line as verb, positional arguments and <c>--name value</c> options (a flag has no value).</summary>
internal sealed record CliArguments(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string?> Options)
{
    private static readonly HashSet<string> Flags = ["--estimate", "--json", "--help"];

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(a);
            }
            else if (Flags.Contains(a))
            {
                options[a] = null;
            }
            else if (i + 1 < args.Count)
            {
                options[a] = args[++i];
            }
            else
            {
                throw new ArgumentException($"{a} has no value.");
            }
        }

        return new CliArguments(positional, options);
    }

    public string? this[string name] => Options.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => Options.ContainsKey(name);
}
