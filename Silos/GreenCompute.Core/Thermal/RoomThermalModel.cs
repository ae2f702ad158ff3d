using GreenCompute.Core.Units;

namespace GreenCompute.Core.Thermal;

/// <summary>
/// A room as one leaky heat store (1R1C): C·dT/dt = P − UA·(T − T_out), with heat loss UA in W/K and heat
/// capacity C in Wh/K, so the time constant τ = C/UA is in hours. Heater power P becomes room heat one to one.
/// With P and T_out constant over a step Δt the solution is exact:
/// T(t+Δt) = T_eq + (T − T_eq)·e^(−Δt/τ), where T_eq = T_out + P/UA.
/// </summary>
public sealed record RoomThermalModel(WattsPerKelvin HeatLoss, WattHoursPerKelvin Capacity)
{
    /// <summary>The RC_BuildingSimulator default office room (35 m², medium weight): UA 42 W/K, C 1.6 kWh/K, τ ≈ 38 h.</summary>
    public static readonly RoomThermalModel Default = new(new WattsPerKelvin(42), new WattHoursPerKelvin(1600));

    public WattsPerKelvin HeatLoss { get; } = double.IsFinite(HeatLoss.Value) && HeatLoss.Value > 0
        ? HeatLoss
        : throw new ArgumentOutOfRangeException(nameof(HeatLoss), HeatLoss, "UA must be a positive number of W/K (a room loses heat).");

    public WattHoursPerKelvin Capacity { get; } = double.IsFinite(Capacity.Value) && Capacity.Value > 0
        ? Capacity
        : throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "C must be a positive number of Wh/K.");

    /// <summary>τ = C/UA in hours.</summary>
    public double TimeConstantHours => Capacity.Value / HeatLoss.Value;

    public TimeSpan TimeConstant => TimeSpan.FromHours(TimeConstantHours);

    /// <summary>The temperature the room settles at with <paramref name="power"/> held forever.</summary>
    public Celsius Equilibrium(Celsius outdoor, Watts power) => new(outdoor.Value + (power.Value / HeatLoss.Value));

    /// <summary>e^(−Δt/τ): the share of today's excess over equilibrium still there after <paramref name="duration"/>.</summary>
    public double Decay(TimeSpan duration) => Math.Exp(-duration.TotalHours / TimeConstantHours);

    /// <summary>Exact room temperature after <paramref name="duration"/> with constant power and outdoor temperature.</summary>
    public Celsius Step(Celsius room, Celsius outdoor, Watts power, TimeSpan duration)
    {
        var equilibrium = Equilibrium(outdoor, power).Value;
        return new Celsius(equilibrium + ((room.Value - equilibrium) * Decay(duration)));
    }

    /// <summary>Heat loss at <paramref name="room"/>, i.e. the power that holds it there; zero when outdoors is warmer.</summary>
    public Watts SteadyStatePower(Celsius room, Celsius outdoor) => new(Math.Max(0, HeatLoss.Value * (room.Value - outdoor.Value)));

    /// <summary>
    /// The constant power that takes the room from <paramref name="from"/> to <paramref name="target"/> in
    /// <paramref name="duration"/>. Negative when the room would overshoot the target unheated (it needs cooling).
    /// </summary>
    public Watts PowerToReach(Celsius from, Celsius target, Celsius outdoor, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var decay = Decay(duration);
        var equilibrium = (target.Value - (from.Value * decay)) / (1 - decay);
        return new Watts(HeatLoss.Value * (equilibrium - outdoor.Value));
    }

    public override string ToString() => $"UA {HeatLoss}, C {Capacity}, τ {TimeConstantHours:0.#} h";
}
