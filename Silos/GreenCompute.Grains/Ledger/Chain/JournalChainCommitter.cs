using System.Text;
using System.Text.Json;
using GreenCompute.Ethereum.Hex;

namespace GreenCompute.Grains.Ledger.Chain;

/// <summary>
/// The no-chain fallback: appends each epoch as one JSON line to a local journal file (flushed to disk before it
/// counts) and says so in <see cref="Description"/>. Idempotent: an epoch already in the file with the same roots is
/// reported committed without a second line. A torn last line (a crash mid-write) is skipped and a new line started.
/// Hosts cannot claim from a journal; receipts still verify against the journaled roots off-chain.
/// </summary>
public sealed class JournalChainCommitter(string path, TimeProvider timeProvider) : IChainCommitter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsJournal => true;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string Description => $"no chain configured: epochs are journaled locally to {Path}, not on chain";

    public async Task<CommitOutcome> CommitAsync(EpochCommit commit, IReadOnlyList<string> sent, bool mayResend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            var lines = File.Exists(Path) ? await File.ReadAllLinesAsync(Path, cancellationToken).ConfigureAwait(false) : [];
            for (var i = 0; i < lines.Length; i++)
            {
                if (Parse(lines[i]) is not { } entry || entry.Epoch < commit.Epoch)
                {
                    continue;
                }

                if (entry.Epoch > commit.Epoch)
                {
                    return CommitOutcome.Halted($"the journal already holds the later epoch {entry.Epoch}: epoch {commit.Epoch} would be out of order");
                }

                return entry.ReceiptsRoot == HexConverter.ToHex(commit.ReceiptsRoot) && entry.PayoutsRoot == HexConverter.ToHex(commit.PayoutsRoot)
                    ? CommitOutcome.Committed(Reference(i + 1), null, $"epoch {commit.Epoch} was already journaled to {Path}")
                    : CommitOutcome.Halted($"the journal holds epoch {commit.Epoch} with other roots (line {i + 1})");
            }

            await AppendAsync(commit, cancellationToken).ConfigureAwait(false);
            return CommitOutcome.Committed(Reference(lines.Length + 1), null, $"epoch {commit.Epoch} journaled locally to {Path} (no chain configured)");
        }
        catch (IOException e)
        {
            return CommitOutcome.Retry($"journal {Path}: {e.Message}");
        }
    }

    /// <summary>Reads every complete journal line, oldest first.</summary>
    public IReadOnlyList<JournalEntry> ReadAll() =>
        File.Exists(Path) ? [.. File.ReadAllLines(Path).Select(Parse).OfType<JournalEntry>()] : [];

    private async Task AppendAsync(EpochCommit commit, CancellationToken cancellationToken)
    {
        var t = commit.Totals;
        var entry = new JournalEntry(
            commit.Epoch, HexConverter.ToHex(commit.ReceiptsRoot), HexConverter.ToHex(commit.PayoutsRoot),
            t.EnergyWh, t.UsefulHeatWh, t.CoreSeconds, t.Tasks, t.Nodes, t.PayoutAmount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            timeProvider.GetUtcNow());
        var torn = File.Exists(Path) && new FileInfo(Path).Length > 0 && !EndsWithNewLine();
        await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var line = (torn ? "\n" : string.Empty) + JsonSerializer.Serialize(entry, Json) + "\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
        stream.Flush(flushToDisk: true);
    }

    private bool EndsWithNewLine()
    {
        using var reader = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        reader.Seek(-1, SeekOrigin.End);
        return reader.ReadByte() == '\n';
    }

    private string Reference(int line) => $"journal:{Path}#{line}";

    private static JournalEntry? Parse(string line)
    {
        try
        {
            return string.IsNullOrWhiteSpace(line) ? null : JsonSerializer.Deserialize<JournalEntry>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
