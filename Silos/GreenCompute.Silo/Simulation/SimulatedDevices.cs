using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Ledger.Receipts;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Scheduling;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.Silo.Simulation;

/// <summary>
/// The simulated agents' device keys and signed receipts: each node signs (EIP-712) its energy-counter readings and
/// task completions with its own key, paired with the ledger at start. Keys are derived from the run's seed so that a
/// run can be repeated; a real agent generates its key at pairing. The receipts reach the ledger through the run's
/// <see cref="IFleetLink"/>: over MQTT on the events topics as a real agent sends them, or by direct calls.
/// </summary>
internal sealed class SimulatedDevices(
    SimulatedFleet fleet, ILedgerGrain ledger, IFleetLink link, ReceiptDomain domain, int seed, Func<string, Address, Address, Task>? register = null)
{
    private readonly Dictionary<string, (ReceiptSigner Signer, ulong Sequence)> _devices = new(StringComparer.Ordinal);

    /// <summary>Receipts refused (by the ingest's checks or the ledger).</summary>
    public long Rejected { get; private set; }

    public async Task PairAllAsync()
    {
        var accounts = new List<NodeAccount>(fleet.Nodes.Count);
        var hosts = new Dictionary<string, Address>(StringComparer.Ordinal);
        foreach (var node in fleet.Nodes)
        {
            var signer = new ReceiptSigner(Key($"device:{node.NodeId}"), domain);
            _devices[node.NodeId] = (signer, 0);
            if (!hosts.TryGetValue(node.SiteId, out var host))
            {
                hosts[node.SiteId] = host = Key($"host:{node.SiteId}").Address;
            }

            accounts.Add(new NodeAccount(node.NodeId, signer.Device.ToString(), host.ToString(), node.PriceZone));
        }

        // One ledger write for the whole fleet (the ledger's state holds every node).
        var problems = await ledger.PairAll(accounts);
        for (var i = 0; i < accounts.Count; i++)
        {
            if (problems[i] is { } problem)
            {
                throw new InvalidOperationException($"Pairing {accounts[i].NodeId} with the ledger failed: {problem}");
            }

            if (register is not null)
            {
                // Pairing also goes on chain: the device registry maps node id ↔ device key ↔ host payout address.
                await register(accounts[i].NodeId, Address.Parse(accounts[i].Device), hosts[fleet.Nodes[i].SiteId]);
            }
        }
    }

    /// <summary>Every online node signs its energy counter; <paramref name="wantsHeat"/> says whether its room wanted heat.</summary>
    public async Task SubmitReadingsAsync(Func<string, bool> wantsHeat)
    {
        var receipts = new List<ReceiptPayload>();
        foreach (var t in fleet.ReadTelemetry())
        {
            var reading = new MeterReading(t.NodeId, Next(t.NodeId), t.Time, (ulong)Math.Floor(t.EnergyCounter.Value), wantsHeat(t.NodeId));
            var signer = _devices[t.NodeId].Signer;
            receipts.Add(PayloadMapper.ToPayload(signer.Sign(reading), signer.Device.ToString()));
        }

        Rejected += await link.SubmitReceiptsAsync(receipts);
    }

    public async Task SubmitCompletionsAsync(ImmutableArray<TaskEvent> events)
    {
        var receipts = new List<ReceiptPayload>();
        foreach (var e in events.Where(e => e.Kind == TaskEventKind.Completed))
        {
            var jobId = e.TaskId[..Math.Max(0, e.TaskId.LastIndexOf('/'))];
            var output = OutputHash(e.TaskId);
            // Receipts carry whole Unix seconds.
            var at = new DateTimeOffset(e.At.UtcTicks - (e.At.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var completion = new TaskCompletion(e.NodeId, Next(e.NodeId), at, jobId, e.TaskId, (ulong)Math.Max(1, Math.Round(e.Done.Value)), output);
            var signer = _devices[e.NodeId].Signer;
            receipts.Add(PayloadMapper.ToPayload(signer.Sign(completion), signer.Device.ToString()));
        }

        if (receipts.Count > 0)
        {
            Rejected += await link.SubmitReceiptsAsync(receipts);
        }
    }

    /// <summary>
    /// The simulator has no output bytes: this hash stands for "this task's output" and is stable per task; it is what
    /// the device signs in its completion receipt and what the customer's results list shows.
    /// </summary>
    public static string OutputHash(string taskId) => HexConverter.ToHex(SHA256.HashData(Encoding.UTF8.GetBytes($"simulated-output:{taskId}")));

    /// <summary>The payout address of the simulated host who owns the heaters of <paramref name="siteId"/>.</summary>
    public Address HostOf(string siteId) => Key($"host:{siteId}").Address;

    private ulong Next(string nodeId)
    {
        var (signer, sequence) = _devices[nodeId];
        _devices[nodeId] = (signer, sequence + 1);
        return sequence + 1;
    }

    private PrivateKey Key(string purpose) =>
        PrivateKey.FromHex(HexConverter.ToHex(Keccak256.HashUtf8(string.Create(CultureInfo.InvariantCulture, $"greencompute-simulation:{seed}:{purpose}"))));
}
