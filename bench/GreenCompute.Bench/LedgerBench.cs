using System.Diagnostics;
using System.Globalization;
using GreenCompute.Bench.Ledger;
using GreenCompute.Contracts.Ledger;
using GreenCompute.Core.Ledger;
using GreenCompute.Ethereum.Hashing;
using GreenCompute.Ethereum.Hex;
using GreenCompute.Ethereum.Merkle;
using GreenCompute.Ethereum.Signing;
using GreenCompute.Grains.Ledger.Archive;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Bench;

/// <summary>
/// Issue 5's benchmark. Gas of commitEpoch and of claims on a private anvil for fleets of 10, 1,000 and 100,000
/// nodes (real trees from EpochTrees.Build), gas per node-hour beside iExec's single-worker task; EIP-712 receipt
/// signing and recovery throughput on one and two threads; Merkle build and proof times for 100,000 leaves.
/// </summary>
internal static class LedgerBench
{
    private const int Runs = 5;
    private const int MerkleLeaves = 100_000;
    private const int ReadingsPerNodeHour = 60;
    private const int CompletionsPerNodeHour = 2;

    /// <summary>iExec PoCo's single-worker task (deal, contribute, reveal, finalize), from its own test-suite gas report.</summary>
    private const double IExecTaskGas = 870_000;

    private static readonly int[] FleetSizes = [10, 1_000, 100_000];
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReceiptDomain Domain = new(31337, Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task RunAsync()
    {
        Console.WriteLine(string.Create(Inv,
            $"Ledger benchmark: {Environment.ProcessorCount} cores ({CpuModel()}), {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}; private anvil on loopback (automine)."));
        Console.WriteLine();

        var clock = Stopwatch.StartNew();
        var (opening, fleets) = await ChainGas.MeasureAsync(FleetSizes, Start);
        PrintGas(opening, fleets);
        PrintPerNodeHour(fleets);
        PrintSigning();
        PrintMerkle(fleets[^1]);
        Console.WriteLine(string.Create(Inv, $"Whole ledger benchmark: {clock.Elapsed.TotalSeconds:F0} s; load average at the end {LoadAverage()}."));
        Console.WriteLine();
    }

    private static void PrintGas(ulong opening, IReadOnlyList<FleetGas> fleets)
    {
        Console.WriteLine("| nodes (= receipts leaves = payouts leaves) | commitEpoch, epoch k | commitEpoch, epoch k+1 | payouts proof, siblings | first claim | later claim | EpochTrees.Build, ms (k / k+1) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var f in fleets)
        {
            Console.WriteLine(string.Create(Inv,
                $"| {f.Nodes:N0} | {f.FirstCommit:N0} | {f.SecondCommit:N0} | {f.ProofLength} | {f.FirstClaim:N0} | {f.LaterClaim:N0} | {f.TreesMilliseconds[0]:N0} / {f.TreesMilliseconds[1]:N0} |"));
        }

        var commits = fleets.SelectMany(f => new[] { f.FirstCommit, f.SecondCommit }).ToList();
        var spread = commits.Max() - commits.Min();
        Console.WriteLine();
        Console.WriteLine(string.Create(Inv,
            $"Gas is the receipt's gasUsed. commitEpoch across all fleet sizes: {commits.Min():N0}–{commits.Max():N0} gas, spread {spread:N0} ({100.0 * spread / commits.Min():F3} %): " +
            $"only calldata bytes of the totals differ; storage is two 32-byte roots and two totals slots whatever the fleet. " +
            $"The ledger's very first commit (10 nodes, latestEpoch written from zero) cost {opening:N0} and is not in the table. " +
            $"Claims: the host of the first payouts leaf, sent by a relayer; first claim = claimed[host] and the host's token balance written from zero, " +
            $"later claim = the next epoch's cumulative amount, both slots already set. The proof grows as ⌈log2 n⌉: each sibling is 32 calldata bytes (~512 gas) and one keccak."));
        Console.WriteLine();
    }

    private static void PrintPerNodeHour(IReadOnlyList<FleetGas> fleets)
    {
        Console.WriteLine("| nodes | commit ÷ nodes, gas per node-hour | + daily claim | + weekly claim | iExec single-worker task | iExec task ÷ ours (daily claims) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var f in fleets)
        {
            var commit = (double)f.SecondCommit / f.Nodes;
            var daily = commit + (f.LaterClaim / 24.0);
            var weekly = commit + (f.LaterClaim / 168.0);
            Console.WriteLine(string.Create(Inv,
                $"| {f.Nodes:N0} | {commit:N1} | {daily:N0} | {weekly:N0} | {IExecTaskGas:N0} | {IExecTaskGas / daily:N0}× |"));
        }

        Console.WriteLine();
        Console.WriteLine("Assumptions: 1-hour epochs (one commit per hour for the whole fleet, a later-epoch commit); one host per node (the worst " +
            "case: a host with several nodes claims once for all); each host claims everything owed once a day (later claim ÷ 24) or once a week (÷ 168); " +
            "the one-off first claim of a host is not amortised. iExec's ~0.87 M gas is per task, not per hour: a node-hour running several tasks widens the gap.");
        Console.WriteLine();
    }

    private static void PrintSigning()
    {
        var rows = new (string Name, Func<int, Action> Worker)[]
        {
            ("ReceiptSigner.Sign(MeterReading): EIP-712 hash, RFC 6979 ECDSA, recovery id", SignReadings),
            ("ReceiptSigner.Sign(TaskCompletion)", SignCompletions),
            ("ReceiptVerifier.RecoverSigner(MeterReading): EIP-712 hash, ecrecover", RecoverReadings),
            ("PrivateKey.Sign of a 32-byte hash (the ECDSA part alone)", SignHashes),
        };
        Console.WriteLine(string.Create(Inv, $"| operation | 1 thread, /s | 2 threads, /s | µs each, 1 thread |"));
        Console.WriteLine("|---|---:|---:|---:|");
        var twoThreads = new double[rows.Length];
        for (var row = 0; row < rows.Length; row++)
        {
            var (name, worker) = rows[row];
            var one = Throughput.PerSecond(1, Runs, Window, worker);
            var two = twoThreads[row] = Throughput.PerSecond(2, Runs, Window, worker);
            Console.WriteLine(string.Create(Inv, $"| {name} | {one:N0} | {two:N0} | {1e6 / one:N0} |"));
        }

        var needed = 100_000.0 * (ReadingsPerNodeHour + CompletionsPerNodeHour) / 3600;
        Console.WriteLine();
        Console.WriteLine(string.Create(Inv,
            $"Medians of {Runs} windows of {Window.TotalSeconds:0} s after a warm-up; each thread has its own key, signer and verifier. " +
            $"A 100,000-node fleet at {ReadingsPerNodeHour} readings and {CompletionsPerNodeHour} completions per node-hour (assumed) needs {needed:N0} recoveries/s at the ledger, " +
            $"{100 * needed / twoThreads[2]:N0} % of two cores here. Devices sign their own receipts: a device signs a few per minute."));
        Console.WriteLine();
    }

    private static void PrintMerkle(FleetGas largest)
    {
        var receipts = Enumerable.Range(0, MerkleLeaves).Select(Receipt).ToList();
        var leaves = receipts.Select(r => r.LeafHash()).ToList();
        var tree = MerkleTree.Build(leaves);
        var proofs = Enumerable.Range(0, MerkleLeaves).Select(tree.GetProof).ToList();
        var root = tree.Root;
        var hashing = Throughput.MedianMilliseconds(Runs, () => receipts.ForEach(r => r.LeafHash()));
        var build = Throughput.MedianMilliseconds(Runs, () => MerkleTree.Build(leaves));
        var proving = Throughput.MedianMilliseconds(Runs, () =>
        {
            for (var i = 0; i < MerkleLeaves; i++)
            {
                tree.GetProof(i);
            }
        });
        var verifying = Throughput.MedianMilliseconds(Runs, () =>
        {
            for (var i = 0; i < MerkleLeaves; i++)
            {
                if (!MerkleTree.Verify(proofs[i], root, leaves[i]))
                {
                    throw new InvalidOperationException($"Proof {i} of the {MerkleLeaves:N0}-leaf tree does not verify.");
                }
            }
        });

        Console.WriteLine(string.Create(Inv, $"| {MerkleLeaves:N0} leaves, one thread | median of {Runs}, ms | µs per leaf or proof |"));
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Create(Inv, $"| ContributionReceipt.LeafHash × {MerkleLeaves:N0} (abi.encode, keccak256 twice) | {hashing:N0} | {1000 * hashing / MerkleLeaves:F2} |"));
        Console.WriteLine(string.Create(Inv, $"| MerkleTree.Build ({MerkleLeaves - 1:N0} sorted-pair hashes, {tree.GetProof(0).Length} levels) | {build:N0} | {1000 * build / MerkleLeaves:F2} |"));
        Console.WriteLine(string.Create(Inv, $"| GetProof × {MerkleLeaves:N0} | {proving:N0} | {1000 * proving / MerkleLeaves:F2} |"));
        Console.WriteLine(string.Create(Inv, $"| MerkleTree.Verify × {MerkleLeaves:N0} (off-chain, as a host or customer checks) | {verifying:N0} | {1000 * verifying / MerkleLeaves:F2} |"));
        Console.WriteLine(string.Create(Inv,
            $"| EpochTrees.Build, {largest.Nodes:N0} nodes (details JSON, keccak of each, both trees' leaves, both trees; 2 epochs of the gas run, median) | {Throughput.Median(largest.TreesMilliseconds):N0} | {1000 * Throughput.Median(largest.TreesMilliseconds) / largest.Nodes:F2} |"));
        Console.WriteLine();
    }

    private static ContributionReceipt Receipt(int i)
    {
        var nodeId = string.Create(Inv, $"node-{i:D6}");
        var detailsHash = Keccak256.HashUtf8(nodeId + "/details");
        return new ContributionReceipt(
            (ulong)EpochClock.Hourly.EpochOf(Start), EpochTrees.NodeKey(nodeId), Address.FromBytes(detailsHash.AsSpan(12)),
            1_400 + (ulong)(i % 200), 1_260, 28_000, CompletionsPerNodeHour, detailsHash);
    }

    private static Action SignReadings(int thread)
    {
        var signer = new ReceiptSigner(PrivateKey.Generate(), Domain);
        ulong sequence = 0;
        return () => signer.Sign(Reading(thread, ++sequence));
    }

    private static Action SignCompletions(int thread)
    {
        var signer = new ReceiptSigner(PrivateKey.Generate(), Domain);
        var nodeId = string.Create(Inv, $"node-{thread:D6}");
        var output = "0x" + new string('a', 64);
        ulong sequence = 0;
        return () =>
        {
            sequence++;
            signer.Sign(new TaskCompletion(nodeId, sequence, Start.AddSeconds(sequence), "job-render-42", string.Create(Inv, $"task-{sequence}"), 3_600, output));
        };
    }

    private static Action RecoverReadings(int thread)
    {
        var signer = new ReceiptSigner(PrivateKey.Generate(), Domain);
        var verifier = new ReceiptVerifier(Domain);
        var device = "0x" + Convert.ToHexStringLower(signer.Device.Span);
        var signed = Enumerable.Range(1, 64).Select(s => signer.Sign(Reading(thread, (ulong)s))).ToArray();
        if (signed.Any(s => verifier.RecoverSigner(s) != device))
        {
            throw new InvalidOperationException("A signed reading did not recover to its device.");
        }

        var next = 0;
        return () => verifier.RecoverSigner(signed[next++ % signed.Length]);
    }

    private static Action SignHashes(int thread)
    {
        var key = PrivateKey.Generate();
        var hash = Keccak256.HashUtf8(string.Create(Inv, $"hash-{thread}"));
        return () =>
        {
            hash[0]++;
            key.Sign(hash);
        };
    }

    private static MeterReading Reading(int thread, ulong sequence) =>
        new(string.Create(Inv, $"node-{thread:D6}"), sequence, Start.AddMinutes(sequence), 50_000 + (sequence * 25), sequence % 3 != 0);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
