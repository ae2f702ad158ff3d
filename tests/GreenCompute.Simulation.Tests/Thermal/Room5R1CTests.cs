using GreenCompute.Core.Units;
using GreenCompute.Simulation.Thermal;

namespace GreenCompute.Simulation.Tests.Thermal;

public sealed class Room5R1CTests
{
    private static readonly RoomParameters Office = RoomParameters.FromGeometry(RoomGeometry.DefaultOffice);

    [Fact]
    public void FromGeometry_DefaultOffice_MatchesTheNotesRoom()
    {
        // notes §3.4: C_m 1.60 kWh/K; H_ve 38.5, H_w 4.4, H_em 2.2, H_ms 796, H_is 490 W/K.
        Assert.Equal(1604.2, Office.HeatCapacity.Value, 1);
        Assert.Equal(38.5, Office.Ventilation.Value, 9);
        Assert.Equal(4.4, Office.Windows.Value, 9);
        Assert.Equal(2.2, Office.OpaqueEnvelope.Value, 9);
        Assert.Equal(796.25, Office.MassToSurface.Value, 9);
        Assert.Equal(489.9, Office.SurfaceToAir.Value, 9);

        // UA by hand: H_ve + series(H_is, H_w + series(H_ms, H_em)).
        var massPath = 796.25 * 2.2 / (796.25 + 2.2);
        var expected = 38.5 + (489.9 * (4.4 + massPath) / (489.9 + 4.4 + massPath));
        Assert.Equal(expected, Office.HeatLossCoefficient.Value, 9);
        Assert.InRange(Office.HeatLossCoefficient.Value, 44.9, 45.1);
        Assert.InRange(Office.TimeConstant.TotalHours, 35, 37);
    }

    [Fact]
    public void Step_ConstantPowerAndOutdoor_SettlesAtOutdoorPlusPowerOverUa()
    {
        var room = new Room5R1C(Office, new Celsius(20));

        for (var i = 0; i < 60 * 24 * 4; i++)
        {
            room.Step(TimeSpan.FromMinutes(15), new Watts(500), Watts.Zero, Watts.Zero, new Celsius(-5));
        }

        Assert.Equal(-5 + (500 / Office.HeatLossCoefficient.Value), room.AirTemperature.Value, 6);
    }

    [Fact]
    public void Step_ConstantInputs_IndependentOfStepSize()
    {
        var oneStep = new Room5R1C(Office, new Celsius(20));
        var quarters = new Room5R1C(Office, new Celsius(20));
        var minutes = new Room5R1C(Office, new Celsius(20));
        void Run(Room5R1C room, TimeSpan dt, int n)
        {
            for (var i = 0; i < n; i++)
            {
                room.Step(dt, new Watts(800), new Watts(150), new Watts(60), new Celsius(2));
            }
        }

        Run(oneStep, TimeSpan.FromHours(6), 1);
        Run(quarters, TimeSpan.FromMinutes(15), 24);
        Run(minutes, TimeSpan.FromMinutes(1), 360);

        Assert.Equal(minutes.AirTemperature.Value, oneStep.AirTemperature.Value, 9);
        Assert.Equal(minutes.AirTemperature.Value, quarters.AirTemperature.Value, 9);
        Assert.Equal(minutes.Losses.Value, oneStep.Losses.Value, 6);
        Assert.True(minutes.AirTemperature.Value > 20.5, "800 W into a 45 W/K room at 2 °C outdoor must warm it.");
    }

    [Fact]
    public void Step_OneHugeStepWithoutHeat_DecaysTowardOutdoorWithoutOvershoot()
    {
        var room = new Room5R1C(Office, new Celsius(20));

        room.Step(TimeSpan.FromDays(3), Watts.Zero, Watts.Zero, Watts.Zero, new Celsius(0));

        Assert.InRange(room.MassTemperature.Value, 0, 20);
        Assert.InRange(room.AirTemperature.Value, 0, room.MassTemperature.Value);
        Assert.InRange(room.MassTemperature.Value, 20 * Math.Exp(-72 / 30.0), 20 * Math.Exp(-72 / 45.0));
    }

    [Fact]
    public void Step_VaryingInputs_ConservesEnergy()
    {
        var room = new Room5R1C(Office, new Celsius(19));
        var random = new Random(7);

        for (var i = 0; i < 2000; i++)
        {
            room.Step(
                TimeSpan.FromSeconds(random.Next(1, 1800)),
                new Watts(random.NextDouble() * 1000),
                new Watts(random.NextDouble() * 300),
                new Watts(random.NextDouble() * 400),
                new Celsius((random.NextDouble() * 30) - 15));
        }

        var heatIn = room.HeaterHeat + room.InternalGains + room.SolarGains;
        var residual = heatIn - room.Losses - room.StoredChange;
        Assert.True(Math.Abs(residual.Value) <= 1e-6 * heatIn.Value, $"Residual {residual} of {heatIn}.");
        Assert.True(room.Losses.Value > 0);
    }

    [Fact]
    public void Step_HeatIntoAir_WarmsAirAboveSurfaceAboveMass()
    {
        var room = new Room5R1C(Office, new Celsius(15));

        room.Step(TimeSpan.FromMinutes(10), new Watts(1000), Watts.Zero, Watts.Zero, new Celsius(15));

        Assert.True(room.AirTemperature > room.SurfaceTemperature);
        Assert.True(room.SurfaceTemperature > room.MassTemperature);
        Assert.True(room.MassTemperature.Value > 15);
    }
}
