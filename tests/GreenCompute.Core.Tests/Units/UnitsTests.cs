using GreenCompute.Core.Model;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Tests.Units;

public class UnitsTests
{
    [Fact]
    public void Watts_HeldForDuration_GiveWattHours()
    {
        var energy = new Watts(500) * TimeSpan.FromMinutes(15);

        Assert.Equal(125.0, energy.Value, 9);
    }

    [Fact]
    public void WattHours_AtMarketPrice_CostEuros()
    {
        // 2 kWh at 100 EUR/MWh = 0.002 MWh × 100 = 0.20 EUR.
        var cost = WattHours.FromKilowattHours(2) * new EurPerMwh(100);

        Assert.Equal(0.20, cost.Value, 9);
    }

    [Fact]
    public void Celsius_Difference_IsKelvin()
    {
        Kelvin d = new Celsius(21.5) - new Celsius(19);

        Assert.Equal(2.5, d.Value, 9);
        Assert.Equal(new Celsius(21.5), new Celsius(19) + d);
    }

    [Fact]
    public void HeaterSpec_PowerAndUtilisation_AreInverse()
    {
        var heater = new HeaterSpec(Cores: 16, IdlePower: new Watts(100), MaxPower: new Watts(500));

        Assert.Equal(300.0, heater.PowerAt(0.5).Value, 9);
        Assert.Equal(0.5, heater.UtilisationFor(new Watts(300)), 9);
        Assert.Equal(0.0, heater.UtilisationFor(new Watts(50)), 9);
        Assert.Equal(16 * 0.5 * 900, heater.CapacityAt(new Watts(300), TimeSpan.FromMinutes(15)).Value, 9);
    }
}
