namespace GreenCompute.EdgeAgent.Sandbox;

/// <summary>
/// How operator-allowed command workloads run: as their own user (uid/gid, no supplementary groups, no new privileges),
/// without network (a new, empty network namespace), with CPU-time, address-space and process-count limits, in their own
/// working folder (owned by that user, mode 0700), with a minimal environment. Tools are the util-linux ones.
/// </summary>
internal sealed record SandboxPolicy
{
    public int Uid { get; init; } = 65534;

    public int Gid { get; init; } = 65534;

    public bool NoNetwork { get; init; } = true;

    /// <summary>RLIMIT_CPU, seconds of CPU time before SIGKILL.</summary>
    public long CpuSeconds { get; init; } = 3600;

    /// <summary>RLIMIT_AS, bytes of address space.</summary>
    public long MemoryBytes { get; init; } = 1L << 30;

    /// <summary>RLIMIT_NPROC for the sandbox user.</summary>
    public int MaxProcesses { get; init; } = 64;

    public string Setpriv { get; init; } = "/usr/bin/setpriv";

    public string Unshare { get; init; } = "/usr/bin/unshare";

    public string Prlimit { get; init; } = "/usr/bin/prlimit";
}
