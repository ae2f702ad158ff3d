namespace GreenCompute.EdgeAgent.Power;

/// <summary>
/// Holds the task processes to a share of the machine's CPU (0..1), which is how a power cap in W is enforced:
/// a heater-computer's power follows its CPU load. Processes join when they start and leave when they exit.
/// </summary>
internal interface IPowerLimiter : IDisposable
{
    /// <summary>"cgroup v2 cpu.max" or "SIGSTOP/SIGCONT duty cycling".</summary>
    string Name { get; }

    double Share { get; }

    void SetShare(double share);

    void Add(int processId);

    void Remove(int processId);
}
