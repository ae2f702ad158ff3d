namespace GreenCompute.Actors;

/// <summary>
/// An error that has no caller to reach (a timer callback, <c>OnDeactivateAsync</c>, the state save at
/// deactivation), reported to the host's error callback so the host can log it.
/// </summary>
/// <param name="Grain">The grain, as <c>grainType/key</c>.</param>
/// <param name="Operation">What failed, for example <c>Timer</c> or <c>WriteStateOnDeactivate</c>.</param>
/// <param name="Exception">The exception thrown.</param>
public sealed record GrainHostError(string Grain, string Operation, Exception Exception);
