using GreenCompute.Core.Ledger;
using static GreenCompute.Core.Tests.Ledger.LedgerScenario;

namespace GreenCompute.Core.Tests.Ledger;

public class LedgerBookTests
{
    [Fact]
    public void AcceptReading_CounterSteps_EnergyIsTheDeltaAndUsefulHeatOnlyWhileTheRoomWantedHeat()
    {
        var ledger = new LedgerScenario();

        Assert.True(ledger.Read("n1", TimeSpan.Zero, 10_000).Accepted);
        Assert.True(ledger.Read("n1", TimeSpan.FromMinutes(20), 10_300, wanted: true).Accepted);
        Assert.True(ledger.Read("n1", TimeSpan.FromMinutes(40), 10_500, wanted: false).Accepted);
        Assert.True(ledger.Read("n1", TimeSpan.FromMinutes(59), 10_734, wanted: true).Accepted);

        var node = ledger.State.OpenEpochs[ledger.Epoch0]["n1"];
        Assert.Equal((734UL, 534UL, 4), (node.EnergyWh, node.UsefulHeatWh, node.Readings));
        Assert.Equal(10_000UL, node.Baseline!.Reading.CounterWh);
        Assert.Equal(10_734UL, node.Closing!.Reading.CounterWh);
    }

    [Fact]
    public void AcceptReading_StepAcrossTheEpochBoundary_BelongsToTheEpochOfTheClosingReading()
    {
        var ledger = new LedgerScenario();
        ledger.Read("n1", TimeSpan.FromMinutes(50), 1_000);
        ledger.Read("n1", TimeSpan.FromMinutes(70), 1_300);

        var next = ledger.State.OpenEpochs[ledger.Epoch0 + 1]["n1"];

        Assert.Equal(300UL, next.EnergyWh);
        Assert.Equal(1_000UL, next.Baseline!.Reading.CounterWh);
        Assert.Equal(0UL, ledger.State.OpenEpochs[ledger.Epoch0]["n1"].EnergyWh);
    }

    [Fact]
    public void AcceptReading_CounterReset_IsRefusedCountedAndTheBaselineKept()
    {
        var ledger = new LedgerScenario();
        ledger.Read("n1", TimeSpan.Zero, 5_000);

        var verdict = ledger.Read("n1", TimeSpan.FromMinutes(10), 12);

        Assert.Equal(ReceiptRejection.CounterWentBackwards, verdict.Rejection);
        Assert.Contains("reset", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(1, ledger.State.Rejections[ReceiptRejection.CounterWentBackwards]);
        Assert.True(ledger.Read("n1", TimeSpan.FromMinutes(20), 5_100).Accepted);
        Assert.Equal(100UL, ledger.State.OpenEpochs[ledger.Epoch0]["n1"].EnergyWh);
    }

    [Fact]
    public void AcceptReading_ImplausibleJump_IsRefused()
    {
        var ledger = new LedgerScenario();
        ledger.Read("n1", TimeSpan.Zero, 0);

        var verdict = ledger.Read("n1", TimeSpan.FromMinutes(6), 600);

        Assert.Equal(ReceiptRejection.ImplausibleEnergy, verdict.Rejection);
        Assert.Contains("6000 W", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_SignedByAnotherKeyOrAltered_IsRefusedAsSignatureMismatchAndCounted()
    {
        var ledger = new LedgerScenario();

        var forged = ledger.Read("n1", TimeSpan.Zero, 100, signer: DeviceB);
        var altered = ledger.Complete("n1", TimeSpan.FromMinutes(1), "t1", 3_600, signer: "0x9999999999999999999999999999999999999999");
        var unreadable = ledger.Read("n1", TimeSpan.FromMinutes(2), 100, signer: "not an address");

        Assert.Equal(ReceiptRejection.SignatureMismatch, forged.Rejection);
        Assert.Equal(ReceiptRejection.SignatureMismatch, altered.Rejection);
        Assert.Equal(ReceiptRejection.Unverifiable, unreadable.Rejection);
        Assert.Equal(2, ledger.State.Rejections[ReceiptRejection.SignatureMismatch]);
        Assert.Empty(ledger.State.OpenEpochs);
        Assert.Equal(0, ledger.State.Accepted);
    }

    [Fact]
    public void Accept_ReplayedOrStaleSequence_IsRefusedAndCounted()
    {
        var ledger = new LedgerScenario();
        Assert.True(ledger.Read("n1", TimeSpan.Zero, 100, sequence: 5).Accepted);
        Assert.True(ledger.Complete("n1", TimeSpan.FromMinutes(1), "t1", 60, sequence: 6).Accepted);

        var replayed = ledger.Complete("n1", TimeSpan.FromMinutes(1), "t1", 60, sequence: 6);
        var stale = ledger.Read("n1", TimeSpan.FromMinutes(2), 150, sequence: 4);

        Assert.Equal(ReceiptRejection.StaleSequence, replayed.Rejection);
        Assert.Equal(ReceiptRejection.StaleSequence, stale.Rejection);
        Assert.Equal(2, ledger.State.Rejections[ReceiptRejection.StaleSequence]);
        Assert.Equal(1UL, ledger.State.OpenEpochs[ledger.Epoch0]["n1"].Tasks);
    }

    [Fact]
    public void AcceptCompletion_SameTaskUnderANewSequence_IsRefusedAsDuplicate()
    {
        var ledger = new LedgerScenario();
        ledger.Complete("n1", TimeSpan.Zero, "t1", 60);

        Assert.Equal(ReceiptRejection.DuplicateTask, ledger.Complete("n1", TimeSpan.FromMinutes(1), "t1", 60).Rejection);
        Assert.Equal(ReceiptRejection.InvalidValues, ledger.Complete("n1", TimeSpan.FromMinutes(2), "t2", 0).Rejection);
    }

    [Fact]
    public void Accept_UnknownNodeOrFutureTime_IsRefused()
    {
        var ledger = new LedgerScenario();

        Assert.Equal(ReceiptRejection.UnknownNode, ledger.Read("n9", TimeSpan.Zero, 1).Rejection);
        var future = ledger.Book.AcceptReading(new SignedMeterReading(new MeterReading("n1", 1, T0.AddHours(1), 1, true), "0x00"), DeviceA, T0);
        Assert.Equal(ReceiptRejection.FromTheFuture, future.Rejection);
    }

    [Fact]
    public void AcceptReading_AfterItsEpochClosed_IsCreditedToTheOldestOpenEpoch()
    {
        var ledger = new LedgerScenario();
        ledger.Read("n1", TimeSpan.FromMinutes(10), 100);
        Assert.Single(ledger.CloseAt(TimeSpan.FromMinutes(62)));

        var late = ledger.Book.AcceptReading(new SignedMeterReading(new MeterReading("n1", 99, T0.AddMinutes(50), 400, true), "0x00"), DeviceA, T0.AddMinutes(63));

        Assert.Equal(ledger.Epoch0 + 1, late.Epoch);
        Assert.Equal(300UL, ledger.State.OpenEpochs[ledger.Epoch0 + 1]["n1"].EnergyWh);
    }

    [Fact]
    public void Pair_NewDeviceKey_StartsANewStreamAndADeviceCannotServeTwoNodes()
    {
        var ledger = new LedgerScenario();
        ledger.Read("n1", TimeSpan.Zero, 5_000, sequence: 40);

        Assert.NotNull(ledger.Book.Pair(new NodeAccount("n2", DeviceA, HostOne, "DE")));
        Assert.Null(ledger.Book.Pair(new NodeAccount("n1", "0xdddddddddddddddddddddddddddddddddddddddd", HostOne, "DE")));

        var first = ledger.Read("n1", TimeSpan.FromMinutes(5), 7, signer: "0xDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD", sequence: 1);
        Assert.True(first.Accepted, first.Reason);
        Assert.Equal(0UL, ledger.State.OpenEpochs[ledger.Epoch0]["n1"].EnergyWh);
    }
}
