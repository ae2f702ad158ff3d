namespace GreenCompute.Core.Planning;

/// <summary>A thermostat's heat on/off state and when it last switched (the dwell clock).</summary>
public readonly record struct HysteresisState(bool On, DateTimeOffset Since)
{
    public static HysteresisState Off(DateTimeOffset since) => new(false, since);
}
