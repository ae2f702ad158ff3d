namespace GreenCompute.Mqtt.Tests.Conformance.Replay;

/// <summary>
/// The client side of one mosquitto scenario — what its C test program does, re-expressed with our client — plus how
/// the replay must drive it: a manual clock moved before given steps (keep alive), fixes to steps the extraction lost,
/// and, for behaviour we deliberately do not share with libmosquitto, the expected divergence.
/// </summary>
internal sealed record ScenarioProgram(string File, Func<ScenarioHost, Task> Run)
{
    public bool ManualClock { get; init; }

    public IReadOnlyDictionary<int, TimeSpan> AdvanceBeforeStep { get; init; } = new Dictionary<int, TimeSpan>();

    /// <summary>Rewrites the parsed steps (given the scenario's packets by name).</summary>
    public Func<List<ReplayStep>, IReadOnlyDictionary<string, byte[]>, List<ReplayStep>>? FixSteps { get; init; }

    /// <summary>Why our bytes differ from libmosquitto's on purpose; null when the replay must match.</summary>
    public string? KnownDivergence { get; init; }
}
