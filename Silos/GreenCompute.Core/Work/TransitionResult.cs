namespace GreenCompute.Core.Work;

/// <summary>
/// Whether a state change was applied. Device events can arrive late, twice or from the wrong node; they are
/// rejected with a reason to log and count, never thrown.
/// </summary>
public readonly record struct TransitionResult(bool Applied, string? Rejection)
{
    public static TransitionResult Ok => new(true, null);

    public static TransitionResult Rejected(string why) => new(false, why);
}
