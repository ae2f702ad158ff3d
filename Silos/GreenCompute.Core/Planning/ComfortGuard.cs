using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Planning;

/// <summary>
/// The device's local safety layer between two plans: the plan sets the heat per 15-minute slot from a model, and
/// the guard keeps the room in its band on the sensor's reading in between. Below the band it heats at full power
/// (heat-only load fills the cores); above the band it drops the heat-only load (tasks keep their cores). It has a
/// deadband so it does not flap, and otherwise passes the plan's command through.
/// </summary>
public sealed class ComfortGuard(Kelvin deadband)
{
    public static readonly ComfortGuard Default = new(new Kelvin(0.3));

    private static readonly Reason Boosting = new(ReasonCode.BelowBand, "below band: local guard heating at full power");
    private static readonly Reason Trimming = new(ReasonCode.SetpointReached, "above band: local guard stopped heat-only load");

    public Kelvin Deadband { get; } = deadband.Value >= 0 ? deadband : throw new ArgumentOutOfRangeException(nameof(deadband), "A deadband is not negative.");

    public GuardDecision Decide(GuardMode mode, Celsius sensor, ComfortBand band, Watts commandedCap, bool commandedHeat, HeaterSpec heater)
    {
        ArgumentNullException.ThrowIfNull(heater);
        var next = mode switch
        {
            _ when sensor < band.Min => GuardMode.Boost,
            _ when sensor > band.Max => GuardMode.Trim,
            GuardMode.Boost when sensor < band.Min + Deadband => GuardMode.Boost,
            GuardMode.Trim when sensor > band.Max - Deadband => GuardMode.Trim,
            _ => GuardMode.FollowPlan,
        };

        return next switch
        {
            GuardMode.Boost => new GuardDecision(next, heater.MaxPower, HeatWanted: true, Boosting),
            GuardMode.Trim => new GuardDecision(next, commandedCap, HeatWanted: false, Trimming),
            _ => new GuardDecision(next, commandedCap, commandedHeat, null),
        };
    }
}
