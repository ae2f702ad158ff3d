using GreenCompute.Core.Model;
using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Devices;

/// <summary>
/// Heater-computer sizes for the simulator. Both draw 57.5 W per busy core, the linear server power model of
/// notes §3.1/§5.1.
/// </summary>
public static class HeaterModels
{
    /// <summary>
    /// A Qarnot-class 500 W unit (notes §5.1: 8 cores, 40 W idle). It holds the default room only ≈ 11 K above
    /// outdoor (UA ≈ 45 W/K): enough for mild sites (PVGIS) with help from internal gains.
    /// </summary>
    public static HeaterSpec Standard500 { get; } = new(8, new Watts(40), new Watts(500));

    /// <summary>
    /// The default: a 1,000 W, 16-core unit (80 W idle). The default room needs ≈ 900 W at ΔT = 20 K; this size
    /// covers the cold NSRDB site's mean demand in the DE window (outdoor mean ≈ 0.5 °C, minimum −13 °C).
    /// </summary>
    public static HeaterSpec Large1000 { get; } = new(16, new Watts(80), new Watts(1000));
}
