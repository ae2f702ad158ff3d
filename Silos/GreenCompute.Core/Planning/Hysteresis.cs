using GreenCompute.Core.Units;

namespace GreenCompute.Core.Planning;

/// <summary>
/// Heat on/off on a noisy room temperature without flapping: heat turns on at or below setpoint − ½·deadband, off at
/// or above setpoint + ½·deadband, and a state is held for at least its minimum dwell time before it may change.
/// (Task-level anti-flapping lives with work assignment; this is the heater's own on/off.) Pure: the caller keeps
/// the <see cref="HysteresisState"/> and passes the time.
/// </summary>
public sealed class Hysteresis
{
    /// <summary>
    /// 1 K deadband, 10 min minimum on and off. Half the deadband (0.5 K) must exceed the largest noise excursion a
    /// sensor shows over a heating cycle (≈ 3σ over a few hundred readings), or noise switches the heater early
    /// and it flaps at the dwell limit: 1 K suits sensors up to σ ≈ 0.15 K.
    /// </summary>
    public static readonly Hysteresis Default = new(new Kelvin(1.0), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

    private readonly Reason _heldOn;
    private readonly Reason _heldOff;
    private readonly Reason _heatingToBand;

    public Hysteresis(Kelvin deadband, TimeSpan minimumOnTime, TimeSpan minimumOffTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(deadband.Value, 0, nameof(deadband));
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumOnTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumOffTime, TimeSpan.Zero);
        Deadband = deadband;
        MinimumOnTime = minimumOnTime;
        MinimumOffTime = minimumOffTime;
        _heldOn = new Reason(ReasonCode.HysteresisHold, $"held on to avoid flapping (minimum {minimumOnTime.TotalMinutes:0} min on)");
        _heldOff = new Reason(ReasonCode.HysteresisHold, $"held off to avoid flapping (minimum {minimumOffTime.TotalMinutes:0} min off)");
        _heatingToBand = new Reason(ReasonCode.BelowBand, $"heating until {deadband.Value / 2:0.##} K above setpoint");
    }

    public Kelvin Deadband { get; }

    public TimeSpan MinimumOnTime { get; }

    public TimeSpan MinimumOffTime { get; }

    public HysteresisDecision Decide(HysteresisState state, Celsius temperature, Celsius setpoint, DateTimeOffset now)
    {
        var half = Deadband.Value / 2;
        var want = state.On
            ? temperature.Value < setpoint.Value + half
            : temperature.Value <= setpoint.Value - half;
        if (want == state.On)
        {
            return new HysteresisDecision(state, state.On ? _heatingToBand : PlanReasons.SetpointReached);
        }

        var dwell = now - state.Since;
        if (dwell < (state.On ? MinimumOnTime : MinimumOffTime))
        {
            return new HysteresisDecision(state, state.On ? _heldOn : _heldOff);
        }

        return new HysteresisDecision(new HysteresisState(want, now), want ? PlanReasons.BelowSetpoint : PlanReasons.SetpointReached);
    }
}
