namespace GreenCompute.EdgeAgent.Kernels;

/// <summary>
/// A CPU-bound computation in units of work whose whole state fits in a short string, so that a checkpoint written
/// after any unit and loaded later continues exactly: the output never depends on where the run was paused.
/// </summary>
internal interface IKernel
{
    /// <summary>Units done so far.</summary>
    long Done { get; }

    /// <summary>Does units until <paramref name="target"/> units are done in all.</summary>
    void RunTo(long target);

    /// <summary>Everything needed to continue, as text (the checkpoint's body).</summary>
    string SaveState();

    /// <summary>The result once every unit is done (UTF-8 text, the task's output file).</summary>
    string Output(long total);
}
