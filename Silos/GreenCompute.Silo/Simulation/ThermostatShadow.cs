using GreenCompute.Core.Comfort;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Units;
using GreenCompute.Simulation.Data;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.Silo.Simulation;

/// <summary>
/// The same rooms (same seed, same weather) heated by a plain thermostat with no computing: the baseline the
/// report compares cost against ("plain electric heating"). Runs beside the real fleet, step for step.
/// </summary>
internal sealed class ThermostatShadow
{
    private readonly SimulatedFleet _fleet;
    private readonly ComfortSchedule _comfort;
    private readonly PriceSeries _prices;
    private readonly string _zone;
    private readonly Hysteresis _hysteresis = Hysteresis.Default;
    private readonly Dictionary<string, HysteresisState> _state = [];

    public ThermostatShadow(FleetOptions options, WeatherSeries weather, DateTimeOffset start, ComfortSchedule comfort, PriceSeries prices)
    {
        _fleet = new SimulatedFleet(options, weather, start);
        _comfort = comfort;
        _prices = prices;
        _zone = options.PriceZone;
        foreach (var node in _fleet.Nodes)
        {
            _state[node.NodeId] = new HysteresisState(On: false, Since: start);
        }
    }

    public Eur Cost { get; private set; }

    public KelvinHours ComfortViolation { get; private set; }

    public KelvinHours TooCold { get; private set; }

    public WattHours Energy => _fleet.EnergyBalance().Electricity;

    public void Step(TimeSpan dt)
    {
        var now = _fleet.Now;
        var band = _comfort.BandAt(now);
        // Thermostat setpoint: the band minimum plus half the deadband, so the room swings around it inside the band.
        var setpoint = band.Min + (_hysteresis.Deadband * 0.5) + new Kelvin(0.2);
        foreach (var node in _fleet.Nodes)
        {
            var decision = _hysteresis.Decide(_state[node.NodeId], _fleet.RoomTemperature(node.NodeId), setpoint, now);
            _state[node.NodeId] = decision.State;
            _fleet.SetPowerCap(node.NodeId, decision.On ? node.Heater.MaxPower : Watts.Zero, heatWanted: decision.On);
        }

        var before = _fleet.EnergyBalance().Electricity;
        _fleet.Step(dt);
        Cost += (_fleet.EnergyBalance().Electricity - before) * _prices.PriceAt(_zone, now);
        foreach (var node in _fleet.Nodes)
        {
            var t = _fleet.RoomTemperature(node.NodeId);
            var after = _comfort.BandAt(_fleet.Now);
            ComfortViolation += Violation(t, after) * dt;
            TooCold += (t < after.Min ? after.Min - t : Kelvin.Zero) * dt;
        }
    }

    public static Kelvin Violation(Celsius t, ComfortBand band) =>
        t < band.Min ? band.Min - t : t > band.Max ? t - band.Max : Kelvin.Zero;
}
