using GreenCompute.Core.Model;
using GreenCompute.Core.Units;
using GreenCompute.Simulation.Devices;
using GreenCompute.Simulation.Thermal;

namespace GreenCompute.Simulation.Fleet;

/// <summary>
/// How to build a <see cref="SimulatedFleet"/>: buildings × rooms, one heater per room, rooms spread around a
/// baseline geometry by a seeded random draw (same seed, same fleet).
/// </summary>
public sealed record FleetOptions
{
    public const string SectionName = "Simulation:Fleet";

    public int Buildings { get; init; } = 2;

    public int RoomsPerBuilding { get; init; } = 12;

    public int Seed { get; init; } = 1;

    public HeaterSpec Heater { get; init; } = HeaterModels.Large1000;

    public RoomGeometry Room { get; init; } = RoomGeometry.DefaultOffice;

    /// <summary>Relative spread of capacity, U-values and air changes across rooms: ±30 % by default.</summary>
    public double ThermalSpread { get; init; } = 0.3;

    /// <summary>Each room's peak internal gain is drawn uniformly from 0 to this.</summary>
    public Watts MaxInternalGains { get; init; } = new(300);

    public bool SolarGains { get; init; } = true;

    public string PriceZone { get; init; } = "DE";

    /// <summary>The buildings' local clock offset from UTC, for occupancy hours (CET by default).</summary>
    public TimeSpan LocalOffset { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Every node (air, surface, mass) starts at this temperature.</summary>
    public Celsius InitialTemperature { get; init; } = new(20);

    public void Validate()
    {
        if (Buildings < 1 || RoomsPerBuilding < 1)
        {
            throw new ArgumentException($"A fleet needs at least one building and one room per building (got {Buildings} × {RoomsPerBuilding}).");
        }

        if (ThermalSpread is < 0 or >= 1)
        {
            throw new ArgumentException($"ThermalSpread must be in [0, 1) (got {ThermalSpread}).");
        }

        if (Heater.Cores < 1 || Heater.IdlePower.Value < 0 || Heater.MaxPower < Heater.IdlePower)
        {
            throw new ArgumentException($"Heater spec needs ≥ 1 core and 0 ≤ idle ≤ max power (got {Heater}).");
        }

        if (MaxInternalGains.Value < 0)
        {
            throw new ArgumentException("MaxInternalGains cannot be negative.");
        }
    }
}
