using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using GreenCompute.Grains.Ledger.Archive;
using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Receipts;

/// <summary>
/// Lookups into the ledger's closed epochs by task id and by host account, built once per epoch from its archive (one
/// grain call; the details of the receipts that carry tasks are parsed once) instead of asking each node's receipt or
/// scanning every payout per request. An archive does not change once stored in this process (an epoch is closed again
/// only after a restart, which starts a new index), so a built epoch is kept; one not closed yet is asked again next time.
/// </summary>
internal sealed class EpochIndex(ISiloAccess silo)
{
    private readonly ConcurrentDictionary<long, EpochEntry> _epochs = new();

    /// <summary>The epoch's index, or null while the epoch has no archive (not closed yet).</summary>
    public async Task<EpochEntry?> GetAsync(long epoch)
    {
        if (_epochs.TryGetValue(epoch, out var known))
        {
            return known;
        }

        var archive = await silo.Grains.GetGrain<ILedgerEpochGrain>(epoch.ToString(CultureInfo.InvariantCulture)).GetArchive();
        return archive is null ? null : _epochs.GetOrAdd(epoch, _ => Build(archive));
    }

    public static EpochEntry Build(EpochArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var nodeOfTask = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var receipt in archive.Receipts.Where(r => r.Tasks > 0))
        {
            foreach (var taskId in TaskIds(receipt.Details))
            {
                nodeOfTask.TryAdd(taskId, receipt.NodeId);
            }
        }

        var payoutOf = new Dictionary<string, ArchivedPayout>(StringComparer.OrdinalIgnoreCase);
        foreach (var payout in archive.Payouts)
        {
            payoutOf.TryAdd(payout.Account, payout);
        }

        return new EpochEntry(archive.Epoch, archive.Start, nodeOfTask, payoutOf);
    }

    /// <summary>The task ids of the signed completions in a receipt's details document (<see cref="ReceiptDetails"/> as JSON).</summary>
    public static IEnumerable<string> TaskIds(string details)
    {
        using var document = JsonDocument.Parse(details);
        if (Property(document.RootElement, nameof(ReceiptDetails.Completions)) is not { ValueKind: JsonValueKind.Array } completions)
        {
            return [];
        }

        var ids = new List<string>();
        foreach (var signed in completions.EnumerateArray())
        {
            if (Property(signed, "Completion") is { } completion && Property(completion, "TaskId") is { ValueKind: JsonValueKind.String } id)
            {
                ids.Add(id.GetString()!);
            }
        }

        return ids;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
