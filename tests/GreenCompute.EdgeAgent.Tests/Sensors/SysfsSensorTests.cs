using GreenCompute.Core.Model;
using GreenCompute.Core.Time;
using GreenCompute.Core.Units;
using GreenCompute.EdgeAgent.Sensors;
using GreenCompute.EdgeAgent.Tests.Fixtures;

namespace GreenCompute.EdgeAgent.Tests.Sensors;

/// <summary>RAPL and temperature readers against a fake sysfs tree in a temp folder (the lowest seam).</summary>
public sealed class SysfsSensorTests : IDisposable
{
    private static readonly HeaterSpec Heater = new(16, new Watts(80), new Watts(1000));
    private readonly TempFolder _sys = new();

    public void Dispose() => _sys.Dispose();

    [Fact]
    public void Rapl_CounterWraps_AddsTheRangeBack()
    {
        Package(0, energy: 900_000_000, range: 1_000_000_000);
        var rapl = RaplEnergyReader.Open(_sys.Path)!;
        Assert.Equal(0, rapl.ReadJoules());

        Package(0, energy: 950_000_000, range: 1_000_000_000);
        Assert.Equal(50, rapl.ReadJoules(), 9);

        // Wrapped: 950 → (range) → 20 J is 70 J more.
        Package(0, energy: 20_000_000, range: 1_000_000_000);
        Assert.Equal(120, rapl.ReadJoules(), 9);
    }

    [Fact]
    public void Rapl_SumsPackages_IgnoresSubZones()
    {
        Package(0, 1_000_000, 10_000_000_000);
        Package(1, 5_000_000, 10_000_000_000);
        _sys.Write("class/powercap/intel-rapl:0:0/energy_uj", "0");
        _sys.Write("class/powercap/intel-rapl:0:0/max_energy_range_uj", "10000000000");
        var rapl = RaplEnergyReader.Open(_sys.Path)!;
        Assert.Equal(2, rapl.Domains.Count);
        rapl.ReadJoules();

        Package(0, 3_000_000, 10_000_000_000);
        Package(1, 6_000_000, 10_000_000_000);
        _sys.Write("class/powercap/intel-rapl:0:0/energy_uj", "999999999");
        Assert.Equal(3, rapl.ReadJoules(), 9);
    }

    [Fact]
    public void Rapl_AbsentOrUnparsable_IsNull()
    {
        Assert.Null(RaplEnergyReader.Open(_sys.Path));
        _sys.Write("class/powercap/intel-rapl:0/energy_uj", "not a number");
        _sys.Write("class/powercap/intel-rapl:0/max_energy_range_uj", "1000");
        Assert.Null(RaplEnergyReader.Open(_sys.Path));
    }

    [Fact]
    public void Temperatures_HottestPlausibleOfHwmonAndThermalZones()
    {
        _sys.Write("class/hwmon/hwmon0/temp1_input", "45000");
        _sys.Write("class/hwmon/hwmon0/temp2_input", "-273000");
        _sys.Write("class/hwmon/hwmon1/temp1_input", "51500");
        _sys.Write("class/thermal/thermal_zone0/temp", "48000");
        _sys.Write("class/thermal/thermal_zone1/temp", "999999");
        var reader = TemperatureReader.Open(_sys.Path)!;
        Assert.Equal(5, reader.Files.Count);
        Assert.Equal(51.5, reader.ReadHottest());
        Assert.Null(TemperatureReader.Open(_sys.Sub("empty")));
    }

    [Fact]
    public void HostSensors_PowerIsEnergyOverTime_CounterContinuesFromStoredValue()
    {
        var time = new ManualTimeProvider();
        Package(0, 0, 1L << 40);
        _sys.Write("class/thermal/thermal_zone0/temp", "60000");
        var room = new SimulatedRoomSensors(Heater, time, new Celsius(19), new Celsius(5), new WattHours(100));
        var sensors = new HostSensors(room, RaplEnergyReader.Open(_sys.Path), TemperatureReader.Open(_sys.Path), time, new WattHours(100));
        var first = sensors.Read(0);
        Assert.Equal(100, first.Energy.Value, 9);

        // 10 s later the package used 3,600 J: 360 W, and the counter grew by 1 Wh.
        time.Advance(TimeSpan.FromSeconds(10));
        Package(0, 3_600_000_000, 1L << 40);
        var second = sensors.Read(0);
        Assert.Equal(360, second.Power.Value, 6);
        Assert.Equal(101, second.Energy.Value, 9);
        Assert.Equal(60, second.DeviceCelsius!.Value.Value);
        Assert.Contains("RAPL", second.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulatedRoom_FullLoadForAnHour_UsesMaxPowerAndWarmsTheRoom()
    {
        var time = new ManualTimeProvider();
        var heated = new SimulatedRoomSensors(Heater, time, new Celsius(19), new Celsius(5), WattHours.Zero);
        var cold = new SimulatedRoomSensors(Heater, time, new Celsius(19), new Celsius(5), WattHours.Zero) { PowerCap = new Watts(80) };
        time.Advance(TimeSpan.FromHours(1));
        var hot = heated.Read(1);
        var idle = cold.Read(1);
        Assert.Equal(1000, hot.Power.Value);
        Assert.Equal(1000, hot.Energy.Value, 6);
        Assert.Equal(80, idle.Power.Value);
        Assert.True(hot.Room.Value > idle.Room.Value + 1, $"1 kW for an hour should warm the room: {hot.Room} vs {idle.Room}");
    }

    private void Package(int index, long energy, long range)
    {
        _sys.Write($"class/powercap/intel-rapl:{index}/energy_uj", energy.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _sys.Write($"class/powercap/intel-rapl:{index}/max_energy_range_uj", range.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
