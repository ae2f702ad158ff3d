using System.Diagnostics;

namespace GreenCompute.EdgeAgent.Sandbox;

/// <summary>
/// Checks once whether this machine can enforce a <see cref="SandboxPolicy"/>: the tools exist, the agent may switch
/// users (root), and a network namespace can really be made (a trial <c>unshare --net true</c>). Every missing piece is
/// a named problem; with any problem, command workloads are refused with that text.
/// </summary>
internal static class SandboxProbe
{
    public static IReadOnlyList<string> Problems(SandboxPolicy policy, bool isRoot)
    {
        var problems = new List<string>();
        foreach (var (tool, why) in new[] { (policy.Setpriv, "own user"), (policy.Prlimit, "CPU and memory limits") }
            .Concat(policy.NoNetwork ? [(policy.Unshare, "no network")] : []))
        {
            if (!File.Exists(tool))
            {
                problems.Add($"{tool} is missing ({why})");
            }
        }

        if (!isRoot)
        {
            problems.Add($"switching to uid {policy.Uid} and making a network namespace need root; the agent runs as uid {Environment.GetEnvironmentVariable("UID") ?? "non-root"}");
        }

        if (problems.Count == 0 && policy.NoNetwork && !Succeeds(policy.Unshare, "--net", "true"))
        {
            problems.Add($"{policy.Unshare} --net fails here (no permission for network namespaces)");
        }

        return problems;
    }

    public static bool IsRoot() => Environment.UserName == "root";

    private static bool Succeeds(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, UseShellExecute = false })!;
            process.WaitForExit(10_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
