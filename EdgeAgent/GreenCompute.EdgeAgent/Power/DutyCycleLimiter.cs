namespace GreenCompute.EdgeAgent.Power;

/// <summary>
/// The fallback when cgroup v2 cpu.max is not available: every <see cref="Period"/> the task processes run for
/// share × period and are stopped (SIGSTOP) for the rest, then continued (SIGCONT). Share 1 never stops them; share 0
/// keeps them stopped. Driven by the injected clock's timers.
/// </summary>
internal sealed class DutyCycleLimiter : IPowerLimiter
{
    private readonly Lock _lock = new();
    private readonly HashSet<int> _processes = [];
    private readonly ITimer _timer;
    private double _share = 1;
    private bool _stopped;

    public DutyCycleLimiter(TimeProvider time, TimeSpan? period = null)
    {
        Period = period ?? TimeSpan.FromMilliseconds(500);
        _timer = time.CreateTimer(_ => Tick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Period { get; }

    public string Name => "SIGSTOP/SIGCONT duty cycling";

    public double Share
    {
        get
        {
            lock (_lock)
            {
                return _share;
            }
        }
    }

    /// <summary>Whether the processes are stopped right now (tests).</summary>
    public bool IsStopped
    {
        get
        {
            lock (_lock)
            {
                return _stopped;
            }
        }
    }

    public void SetShare(double share)
    {
        lock (_lock)
        {
            _share = Math.Clamp(share, 0, 1);
            // Start a new cycle in the running phase; a share of 1 ends cycling with everyone continued.
            Signal(stop: false);
            _timer.Change(_share >= 1 ? Timeout.InfiniteTimeSpan : Period * _share, Timeout.InfiniteTimeSpan);
            if (_share <= 0)
            {
                Signal(stop: true);
            }
        }
    }

    public void Add(int processId)
    {
        lock (_lock)
        {
            _processes.Add(processId);
            if (_stopped)
            {
                PosixSignals.Send(processId, PosixSignals.SigStop);
            }
        }
    }

    public void Remove(int processId)
    {
        lock (_lock)
        {
            _processes.Remove(processId);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            Signal(stop: false);
        }
    }

    private void Tick()
    {
        lock (_lock)
        {
            if (_share >= 1 || _share <= 0)
            {
                return;
            }

            // Flip phase: running for share × period, stopped for the rest.
            Signal(!_stopped);
            _timer.Change(_stopped ? Period * (1 - _share) : Period * _share, Timeout.InfiniteTimeSpan);
        }
    }

    private void Signal(bool stop)
    {
        _stopped = stop;
        foreach (var pid in _processes)
        {
            PosixSignals.Send(pid, stop ? PosixSignals.SigStop : PosixSignals.SigCont);
        }
    }
}
