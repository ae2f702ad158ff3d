namespace GreenCompute.Core.Units;

/// <summary>A heat capacity in Wh/K (1 kWh/K = 3.6 MJ/K).</summary>
public readonly record struct WattHoursPerKelvin(double Value)
{
    public static WattHours operator *(WattHoursPerKelvin c, Kelvin dt) => new(c.Value * dt.Value);

    public override string ToString() => $"{Value:0.#} Wh/K";
}
