namespace GreenCompute.Core.Units;

/// <summary>A heat-loss coefficient (UA = 1/R) in W/K.</summary>
public readonly record struct WattsPerKelvin(double Value)
{
    public static Watts operator *(WattsPerKelvin ua, Kelvin dt) => new(ua.Value * dt.Value);

    public override string ToString() => $"{Value:0.#} W/K";
}
