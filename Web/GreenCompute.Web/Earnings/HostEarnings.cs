using System.Globalization;
using System.Numerics;
using GreenCompute.Grains.Ledger.Archive;
using GreenCompute.Web.Hosting;

namespace GreenCompute.Web.Earnings;

/// <summary>
/// A host's earnings from the ledger's epoch archives: the cumulative entitlement in each recent epoch's payouts tree
/// (GreenCredit, 18 decimals, one credit per euro), what each epoch added, and the proof a claim needs now.
/// </summary>
internal sealed class HostEarnings(ISiloAccess silo, Receipts.EpochIndex index)
{
    private static readonly BigInteger UnitsPerEuro = BigInteger.Pow(10, 18);

    public sealed record EpochLine(long Epoch, DateTimeOffset Start, decimal CumulativeEur, decimal EarnedEur, string? CommittedAt);

    public sealed record View(string Account, IReadOnlyList<EpochLine> Epochs, PayoutProof? Claim, string LedgerSummary, bool Journal);

    public async Task<View> ForAsync(string account, int epochs = 24)
    {
        var status = await silo.Ledger.GetStatus();
        var lines = new List<EpochLine>();
        if (status.LatestCommitted is { } latest)
        {
            decimal? previous = null;
            for (var e = Math.Max(0, latest - epochs); e <= latest; e++)
            {
                // The epoch index answers by account (built once per epoch), not a scan of every host's payout.
                if (await index.GetAsync(e) is not { } archive)
                {
                    continue;
                }

                var cumulative = archive.PayoutOf.TryGetValue(account, out var mine) ? Euros(BigInteger.Parse(mine.CumulativeAmount, CultureInfo.InvariantCulture)) : 0m;
                if (previous is not null)
                {
                    var commit = await silo.Grains.GetGrain<ILedgerEpochGrain>(e.ToString(CultureInfo.InvariantCulture)).GetCommit();
                    lines.Add(new EpochLine(e, archive.Start, cumulative, cumulative - previous.Value, commit?.Reference));
                }

                previous = cumulative;
            }
        }

        lines.Reverse();
        return new View(account, lines, await silo.Ledger.GetPayoutProof(account), status.Summary, status.Journal);
    }

    public static decimal Euros(BigInteger units) => (decimal)(units / (UnitsPerEuro / 1_000_000)) / 1_000_000m;
}
