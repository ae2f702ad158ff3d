using GreenCompute.Core.Units;

namespace GreenCompute.Core.Model;

/// <summary>
/// A heater-computer's electrical envelope. Power follows P = P_idle + (P_max − P_idle) × utilisation,
/// and all of it becomes room heat.
/// </summary>
public sealed record HeaterSpec(int Cores, Watts IdlePower, Watts MaxPower)
{
    public Watts PowerAt(double utilisation) =>
        IdlePower + (MaxPower - IdlePower) * Math.Clamp(utilisation, 0, 1);

    /// <summary>The utilisation (0..1) that draws <paramref name="power"/>; 0 below idle.</summary>
    public double UtilisationFor(Watts power) =>
        MaxPower <= IdlePower ? 0 : Math.Clamp((power - IdlePower) / (MaxPower - IdlePower), 0, 1);

    /// <summary>Core-seconds of work that fit in <paramref name="duration"/> at <paramref name="power"/>.</summary>
    public CoreSeconds CapacityAt(Watts power, TimeSpan duration) =>
        new(Cores * UtilisationFor(power) * duration.TotalSeconds);
}
