using System.Diagnostics;
using System.Globalization;
using GreenCompute.EdgeAgent.Power;
using GreenCompute.EdgeAgent.Tasks;

namespace GreenCompute.EdgeAgent.Sandbox;

/// <summary>
/// Runs "cmd:NAME" workloads from the operator's allow-list under the <see cref="SandboxPolicy"/>:
/// <c>unshare --net -- setpriv --reuid U --regid G --clear-groups --no-new-privs -- prlimit --cpu=S --as=B --nproc=P -- EXE ARGS</c>
/// in the task's folder. Refuses, with the reason, when the policy cannot be enforced here or the name is not allowed.
/// The program may speak the kernel line protocol (progress/checkpointed/paused); it completes by exiting 0, and its
/// result is the file "output" in its folder.
/// </summary>
internal sealed class SandboxLauncher(SandboxPolicy policy, IReadOnlyList<AllowedCommand> allowed, IReadOnlyList<string> problems) : ITaskLauncher
{
    public const string Prefix = "cmd:";

    public bool Handles(string workload) => workload.StartsWith(Prefix, StringComparison.Ordinal);

    public LaunchDecision Prepare(TaskPlan plan)
    {
        var name = plan.Workload[Prefix.Length..];
        if (allowed.FirstOrDefault(a => a.Name == name) is not { } command)
        {
            return LaunchDecision.Refuse($"command workload '{name}' is not allowed on this heater (allowed: {string.Join(", ", allowed.Select(a => a.Name))})");
        }

        if (problems.Count > 0)
        {
            return LaunchDecision.Refuse("sandbox policy cannot be enforced here: " + string.Join("; ", problems));
        }

        if (!PosixSignals.Chown(plan.Folder, policy.Uid, policy.Gid))
        {
            return LaunchDecision.Refuse($"cannot give {plan.Folder} to uid {policy.Uid}");
        }

        File.SetUnixFileMode(plan.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var input = Path.Combine(plan.Folder, "input");
        if (File.Exists(input))
        {
            PosixSignals.Chown(input, policy.Uid, policy.Gid);
        }

        var start = new ProcessStartInfo(policy.NoNetwork ? policy.Unshare : policy.Setpriv) { WorkingDirectory = plan.Folder };
        var args = new List<string>();
        if (policy.NoNetwork)
        {
            args.AddRange(["--net", "--", policy.Setpriv]);
        }

        args.AddRange([
            "--reuid", Number(policy.Uid), "--regid", Number(policy.Gid), "--clear-groups", "--no-new-privs", "--",
            policy.Prlimit, $"--cpu={Number(policy.CpuSeconds)}", $"--as={Number(policy.MemoryBytes)}", $"--nproc={Number(policy.MaxProcesses)}", "--",
            command.Executable,
        ]);
        args.AddRange(command.Arguments);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = plan.Folder;
        start.Environment["GC_TASK_DIR"] = plan.Folder;
        start.Environment["GC_TASK_ID"] = plan.TaskId;
        start.Environment["GC_CORE_SECONDS"] = plan.TotalCoreSeconds.ToString(CultureInfo.InvariantCulture);
        return new LaunchDecision(start, null);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
