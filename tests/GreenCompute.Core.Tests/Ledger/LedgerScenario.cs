using GreenCompute.Core.Ledger;

namespace GreenCompute.Core.Tests.Ledger;

/// <summary>
/// A ledger book with three paired nodes on an hourly clock. The core does no cryptography: a receipt's "signer" is
/// the address the caller recovered, so a forged receipt is one whose recovered signer is not the node's device.
/// </summary>
internal sealed class LedgerScenario
{
    public const string DeviceA = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string DeviceB = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string DeviceC = "0xcccccccccccccccccccccccccccccccccccccccc";
    public const string HostOne = "0x1111111111111111111111111111111111111111";
    public const string HostTwo = "0x2222222222222222222222222222222222222222";
    public const string OutputHash = "0x00000000000000000000000000000000000000000000000000000000000000ff";

    /// <summary>10:00 UTC: the start of an hourly epoch.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, ulong> _sequences = [];

    public LedgerScenario(LedgerRules? rules = null, HostTariff? tariff = null)
    {
        Rules = rules ?? LedgerRules.Default;
        Book = new LedgerBook(State, Rules);
        Closer = new EpochCloser(State, Rules, tariff ?? HostTariff.Default);
        Assert.Null(Book.Pair(new NodeAccount("n1", DeviceA, HostOne, "DE")));
        Assert.Null(Book.Pair(new NodeAccount("n2", DeviceB, HostOne, "DE")));
        Assert.Null(Book.Pair(new NodeAccount("n3", DeviceC, HostTwo, "FR")));
    }

    public LedgerBookState State { get; } = new();

    public LedgerRules Rules { get; }

    public LedgerBook Book { get; }

    public EpochCloser Closer { get; }

    public long Epoch0 => Rules.Clock.EpochOf(T0);

    public static string DeviceOf(string nodeId) => nodeId switch { "n1" => DeviceA, "n2" => DeviceB, _ => DeviceC };

    public ulong NextSequence(string nodeId) => _sequences[nodeId] = _sequences.GetValueOrDefault(nodeId) + 1;

    public ReceiptVerdict Read(string nodeId, TimeSpan at, ulong counterWh, bool wanted = true, string? signer = null, ulong? sequence = null) =>
        Book.AcceptReading(
            new SignedMeterReading(new MeterReading(nodeId, sequence ?? NextSequence(nodeId), T0 + at, counterWh, wanted), "0x00"),
            signer ?? DeviceOf(nodeId),
            T0 + at);

    public ReceiptVerdict Complete(string nodeId, TimeSpan at, string taskId, ulong coreSeconds, string? signer = null, ulong? sequence = null) =>
        Book.AcceptCompletion(
            new SignedTaskCompletion(new TaskCompletion(nodeId, sequence ?? NextSequence(nodeId), T0 + at, "job-1", taskId, coreSeconds, OutputHash), "0x00"),
            signer ?? DeviceOf(nodeId),
            T0 + at);

    public IReadOnlyList<EpochStatement> CloseAt(TimeSpan at) => Closer.CloseDue(T0 + at);
}
