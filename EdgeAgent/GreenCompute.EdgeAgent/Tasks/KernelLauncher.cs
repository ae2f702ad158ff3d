using System.Diagnostics;
using System.Globalization;
using GreenCompute.EdgeAgent.Kernels;

namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>
/// Built-in kernels run as the agent's own program with the <c>kernel</c> subcommand: through the apphost when the agent
/// runs as one, else through the <c>dotnet</c> host with the agent's DLL (tests, <c>dotnet run</c>).
/// </summary>
internal sealed class KernelLauncher : ITaskLauncher
{
    public bool Handles(string workload) => KernelCatalog.TryResolve(Strip(workload), out _);

    public LaunchDecision Prepare(TaskPlan plan)
    {
        KernelCatalog.TryResolve(Strip(plan.Workload), out var kernel);
        var units = Math.Max(1, (long)Math.Round(plan.TotalCoreSeconds * KernelCatalog.UnitsPerCoreSecond(kernel)));
        var start = AgentCommand();
        foreach (var arg in new[]
        {
            "kernel", kernel, "--units", units.ToString(CultureInfo.InvariantCulture), "--dir", plan.Folder,
            "--seed", plan.TaskId,
            "--checkpoint-seconds", Math.Max(1, plan.CheckpointInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var input = Path.Combine(plan.Folder, "input");
        if (plan.InputHash is not null && File.Exists(input))
        {
            start.ArgumentList.Add("--input");
            start.ArgumentList.Add(input);
        }

        start.WorkingDirectory = plan.Folder;
        return new LaunchDecision(start, null);
    }

    /// <summary>"kernel:NAME" and plain "NAME" both name a kernel.</summary>
    private static string Strip(string workload) => workload.StartsWith("kernel:", StringComparison.Ordinal) ? workload[7..] : workload;

    internal static ProcessStartInfo AgentCommand()
    {
        var dll = typeof(KernelLauncher).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var viaDotnet = Path.GetFileNameWithoutExtension(host) == "dotnet";
        var start = new ProcessStartInfo(viaDotnet ? host : Path.ChangeExtension(dll, null))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (viaDotnet || !File.Exists(start.FileName))
        {
            start.FileName = viaDotnet ? host : "dotnet";
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(dll);
        }

        return start;
    }
}
