using GreenCompute.Actors;
using GreenCompute.Silo.Tests.Ledger;
using GreenCompute.Silo.Configuration;
using GreenCompute.Silo.Simulation;

namespace GreenCompute.Silo.Tests.EndToEnd;

public class SimulatedDayTests
{
    [Fact]
    public async Task OneDay_RealData_EnergyBalanceClosesAndRoomsStayInBand()
    {
        // Light load: the heaters (1 kW for rooms needing ~0.9 kW at −13 °C) are big enough and work never forces heat.
        var options = new SiloOptions { Days = 1, Speed = 0, TargetLoad = 0.05, Live = false, NoChain = true };
        var errors = new List<GrainHostError>();
        await using var silo = await SimulatedSilo.CreateAsync(options, new InMemoryGrainStorage(), e => { lock (errors) { errors.Add(e); } });
        var runner = new SimulationRunner(silo);

        var summary = await runner.RunAsync();

        var balance = silo.Fleet.EnergyBalance();
        Assert.Equal(TimeSpan.FromDays(1), summary.Elapsed);
        Assert.True(balance.Electricity.Value > 100_000, $"24 rooms should use well over 100 kWh in a late-October day, used {balance.Electricity}");
        Assert.Equal(balance.Electricity.Value, balance.HeaterHeat.Value, 6);
        Assert.True(Math.Abs(balance.Residual.Value) <= 1e-6 * balance.Electricity.Value, $"energy balance residual {balance.Residual}");
        Assert.Equal(summary.Energy.Value, balance.Electricity.Value, 6);

        var roomDays = summary.Rooms * 1.0;
        Assert.True(summary.ComfortViolation.Value / roomDays < 0.25, $"comfort violation {summary.ComfortViolation} over {summary.Rooms} rooms");
        Assert.True(summary.ComfortViolation.Value < summary.ThermostatViolation.Value, "the planner must hold the band better than a plain thermostat");
        Assert.Equal(24, summary.Rooms);
        Assert.Equal(0, runner.TelemetryRejected);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task OneDay_WithAnvil_EveryClosedEpochIsOnChainAndNoReceiptIsRefused()
    {
        var options = new SiloOptions { Days = 1, Speed = 0, TargetLoad = 0.3, Live = false, Buildings = 1, RoomsPerBuilding = 3, AnvilPath = TestAnvil.Binary };
        await using var silo = await SimulatedSilo.CreateAsync(options, new InMemoryGrainStorage());
        Assert.False(silo.Ledger.Committer.IsJournal, $"anvil is installed by the test command, so the run must use it: {silo.Ledger.Description}");

        await new SimulationRunner(silo).RunAsync();
        await silo.LedgerGrain.CloseDueEpochs();
        var status = await silo.LedgerGrain.GetStatus();

        // 24 hourly epochs; the last closes 2 min after its end, which the run does not reach.
        Assert.InRange(status.EpochsCommitted, 22, 24);
        Assert.Empty(status.Outbox);
        Assert.Equal(0, status.Rejected);
        Assert.Equal(0, silo.Devices.Rejected);
        var proof = await silo.LedgerGrain.GetReceiptProof(status.LatestCommitted!.Value, silo.Fleet.Nodes[0].NodeId);
        Assert.NotNull(proof);
        var pairing = await silo.Ledger.Registry!.GetByNodeAsync(GreenCompute.Ethereum.Hashing.Keccak256.HashUtf8(silo.Fleet.Nodes[0].NodeId));
        Assert.NotNull(pairing);
    }
}
