namespace GreenCompute.Core.Planning;

/// <summary>A thermostat decision: the state to be in now (carry it into the next call) and why.</summary>
public readonly record struct HysteresisDecision(HysteresisState State, Reason Reason)
{
    public bool On => State.On;

    public bool Switched(HysteresisState previous) => previous.On != State.On;
}
