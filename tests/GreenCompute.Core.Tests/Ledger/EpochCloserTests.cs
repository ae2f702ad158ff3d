using GreenCompute.Core.Ledger;
using GreenCompute.Core.Units;
using static GreenCompute.Core.Tests.Ledger.LedgerScenario;

namespace GreenCompute.Core.Tests.Ledger;

public class EpochCloserTests
{
    [Fact]
    public void CloseDue_ThreeNodesTwoHosts_PaysPerTariffHandComputed()
    {
        var ledger = HourOfThreeNodes();

        var statement = Assert.Single(ledger.CloseAt(TimeSpan.FromMinutes(62)));

        Assert.Equal(ledger.Epoch0, statement.Epoch);
        Assert.Equal(["n1", "n2", "n3"], statement.Contributions.Select(c => c.NodeId));
        var (n1, n2, n3) = (statement.Contributions[0], statement.Contributions[1], statement.Contributions[2]);
        // n1: 734 Wh × 87.5 EUR/MWh = 64,225 µEUR + 2 core-h × 0.02 EUR × 25 % = 10,000 µEUR.
        Assert.Equal((734UL, 534UL, 7_200UL, 1UL, 74_225L), (n1.EnergyWh, n1.UsefulHeatWh, n1.CoreSeconds, n1.Tasks, n1.Payout.Value));
        // n2: 1,000 Wh × 87.5 = 87,500 µEUR.
        Assert.Equal((1_000UL, 1_000UL, 87_500L), (n2.EnergyWh, n2.UsefulHeatWh, n2.Payout.Value));
        // n3 (FR, no price known: fallback 100 EUR/MWh): 200 Wh → 20,000 + 1 core-h → 5,000.
        Assert.Equal((200UL, 0UL, 3_600UL, 2UL, 100.0, 25_000L), (n3.EnergyWh, n3.UsefulHeatWh, n3.CoreSeconds, n3.Tasks, n3.Price.Value, n3.Payout.Value));
        Assert.Equal(
            [new HostPayout(HostOne, new MicroEuros(161_725), new MicroEuros(161_725)), new HostPayout(HostTwo, new MicroEuros(25_000), new MicroEuros(25_000))],
            statement.Payouts);
        Assert.Equal(new EpochSums(1_934, 1_534, 10_800, 3, 3, new MicroEuros(186_725)), statement.Totals);
        Assert.Empty(ledger.State.OpenEpochs);
    }

    [Fact]
    public void CloseDue_NextEpoch_PayoutsAreCumulativeAndListEveryHostEverPaid()
    {
        var ledger = HourOfThreeNodes();
        ledger.CloseAt(TimeSpan.FromMinutes(62));
        ledger.Read("n1", TimeSpan.FromMinutes(80), 11_034);

        var statement = Assert.Single(ledger.CloseAt(TimeSpan.FromMinutes(122)));

        // 300 Wh at the latest known DE price (87.5) = 26,250 µEUR on top of host one's 161,725.
        Assert.Equal(
            [new HostPayout(HostOne, new MicroEuros(187_975), new MicroEuros(26_250)), new HostPayout(HostTwo, new MicroEuros(25_000), MicroEuros.Zero)],
            statement.Payouts);
        Assert.Equal(new MicroEuros(26_250), statement.Totals.Payout);
        Assert.Equal(187_975, ledger.State.CumulativePayouts[HostOne]);
    }

    [Fact]
    public void CloseDue_BeforeTheGraceEnds_ClosesNothingAndEmptyEpochsProduceNoStatement()
    {
        var ledger = HourOfThreeNodes();

        Assert.Empty(ledger.CloseAt(TimeSpan.FromMinutes(61)));
        Assert.Single(ledger.CloseAt(TimeSpan.FromMinutes(62)));
        Assert.Empty(ledger.CloseAt(TimeSpan.FromHours(5)));
        Assert.Equal(ledger.Epoch0 + 4, ledger.State.NextToClose);
    }

    [Fact]
    public void Payout_NegativePrice_ReimbursesNothingForElectricity()
    {
        Assert.Equal(new MicroEuros(117_975), HostTariff.Default.Payout(1_234, 7_200, new EurPerMwh(87.5)));
        Assert.Equal(new MicroEuros(10_000), HostTariff.Default.Payout(1_234, 7_200, new EurPerMwh(-20)));
        var generous = HostTariff.Default with { ElectricityShare = 1.1, RevenueShare = 0.5 };
        Assert.Equal(new MicroEuros(138_773), generous.Payout(1_234, 7_200, new EurPerMwh(87.5)));
    }

    [Fact]
    public void PriceFor_ZoneWithoutPrice_UsesLatestEarlierElseFallback()
    {
        var ledger = new LedgerScenario();
        ledger.Closer.SetPrice("DE", 10, new EurPerMwh(50));
        ledger.Closer.SetPrice("DE", 12, new EurPerMwh(70));

        Assert.Equal(new EurPerMwh(50), ledger.Closer.PriceFor("DE", 11));
        Assert.Equal(new EurPerMwh(70), ledger.Closer.PriceFor("DE", 13));
        Assert.Equal(HostTariff.Default.FallbackPrice, ledger.Closer.PriceFor("DE", 9));
        Assert.Equal(HostTariff.Default.FallbackPrice, ledger.Closer.PriceFor("NL", 12));
    }

    private static LedgerScenario HourOfThreeNodes()
    {
        var ledger = new LedgerScenario();
        ledger.Closer.SetPrice("DE", ledger.Epoch0, new EurPerMwh(87.5));
        Assert.True(ledger.Read("n1", TimeSpan.Zero, 10_000).Accepted);
        Assert.True(ledger.Read("n1", TimeSpan.FromMinutes(20), 10_300, wanted: true).Accepted);
        Assert.True(ledger.Read("n1", TimeSpan.FromMinutes(40), 10_500, wanted: false).Accepted);
        Assert.True(ledger.Complete("n1", TimeSpan.FromMinutes(45), "t1", 7_200).Accepted);
        Assert.True(ledger.Read("n1", TimeSpan.FromMinutes(59), 10_734, wanted: true).Accepted);
        Assert.True(ledger.Read("n2", TimeSpan.FromMinutes(5), 500).Accepted);
        Assert.True(ledger.Read("n2", TimeSpan.FromMinutes(55), 1_500).Accepted);
        Assert.True(ledger.Read("n3", TimeSpan.FromMinutes(1), 0, wanted: false).Accepted);
        Assert.True(ledger.Read("n3", TimeSpan.FromMinutes(31), 200, wanted: false).Accepted);
        Assert.True(ledger.Complete("n3", TimeSpan.FromMinutes(32), "t2", 1_800).Accepted);
        Assert.True(ledger.Complete("n3", TimeSpan.FromMinutes(33), "t3", 1_800).Accepted);
        return ledger;
    }
}
