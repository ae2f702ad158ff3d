using System.Globalization;
using GreenCompute.Core.Ledger;
using GreenCompute.Core.Units;
using GreenCompute.Ethereum.Hashing;

namespace GreenCompute.Bench.Ledger;

/// <summary>
/// Closed hourly epochs of a synthetic fleet, shaped as <see cref="EpochCloser"/> hands them to EpochTrees.Build:
/// one host account per node (the worst case for claims), contributions in node-id order, payouts in account order,
/// each node paid by <see cref="HostTariff.Default"/> every hour. Device and host addresses are derived from hashes,
/// not keys (100,000 key generations would dominate the run). The details documents carry a baseline and a closing
/// reading and two task completions with placeholder 65-byte signatures: the leaves and trees never check them, and
/// real signing is timed separately.
/// </summary>
internal static class BenchEpochs
{
    private const int CompletionsPerHour = 2;
    private static readonly EurPerMwh Price = new(87.5);
    private static readonly string PlaceholderSignature = "0x" + new string('5', 130);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Hourly epoch <paramref name="epoch"/> of <paramref name="nodes"/> nodes, every host paid for <paramref name="hoursPaid"/> hours so far (this one included).</summary>
    public static EpochStatement Hour(int nodes, long epoch, int hoursPaid)
    {
        var start = EpochClock.Hourly.StartOf(epoch);
        var contributions = new List<NodeContribution>(nodes);
        var payouts = new List<HostPayout>(nodes);
        ulong energy = 0, heat = 0, coreSeconds = 0;
        var added = MicroEuros.Zero;
        for (var i = 0; i < nodes; i++)
        {
            var node = Node(i, epoch, start);
            contributions.Add(node);
            payouts.Add(new HostPayout(node.PayoutAccount, new MicroEuros(node.Payout.Value * hoursPaid), node.Payout));
            energy += node.EnergyWh;
            heat += node.UsefulHeatWh;
            coreSeconds += node.CoreSeconds;
            added += node.Payout;
        }

        payouts.Sort((a, b) => string.CompareOrdinal(a.Account, b.Account));
        var sums = new EpochSums(energy, heat, coreSeconds, (ulong)(nodes * CompletionsPerHour), nodes, added);
        return new EpochStatement(epoch, start, start.AddHours(1), contributions, payouts, sums);
    }

    private static NodeContribution Node(int i, long epoch, DateTimeOffset start)
    {
        var nodeId = string.Create(Inv, $"node-{i:D6}");
        var energyWh = 1_400 + (ulong)(i % 200);
        var coreSeconds = 28_000 + (ulong)(i % 800);
        var baselineWh = 50_000 + (ulong)i * 7 + (ulong)(epoch % 1_000) * energyWh;
        var baseline = new SignedMeterReading(new MeterReading(nodeId, 1, start, baselineWh, true), PlaceholderSignature);
        var closing = new SignedMeterReading(new MeterReading(nodeId, 4, start.AddHours(1), baselineWh + energyWh, true), PlaceholderSignature);
        var completions = Enumerable.Range(0, CompletionsPerHour)
            .Select(t => new SignedTaskCompletion(
                new TaskCompletion(nodeId, 2 + (ulong)t, start.AddMinutes(20 * (t + 1)), "job-render-42", string.Create(Inv, $"task-{i}-{t}"), coreSeconds / CompletionsPerHour, Hash($"out-{i}-{t}")),
                PlaceholderSignature))
            .ToList();
        return new NodeContribution(
            nodeId, AddressText("device", i), AddressText("host", i), energyWh, energyWh * 9 / 10, coreSeconds, CompletionsPerHour, 60, Price,
            HostTariff.Default.Payout(energyWh, coreSeconds, Price), baseline, closing, completions);
    }

    private static string AddressText(string role, int i) =>
        "0x" + Convert.ToHexStringLower(Keccak256.HashUtf8(string.Create(Inv, $"{role}-{i}")).AsSpan(12));

    private static string Hash(string text) => "0x" + Convert.ToHexStringLower(Keccak256.HashUtf8(text));
}
