using GreenCompute.Core.Units;

namespace GreenCompute.Core.Ledger;

/// <summary>
/// Closes the epochs that are due (ended at least <see cref="LedgerRules.CloseGrace"/> ago), oldest first: prices each
/// node's contribution with the <see cref="HostTariff"/>, adds it to the host's cumulative earnings, and returns
/// one <see cref="EpochStatement"/> per epoch that had receipts (an epoch without receipts closes silently).
/// </summary>
public sealed class EpochCloser(LedgerBookState state, LedgerRules rules, HostTariff tariff)
{
    public IReadOnlyList<EpochStatement> CloseDue(DateTimeOffset now)
    {
        var firstOpen = rules.Clock.EpochOf(now - rules.CloseGrace);
        var statements = new List<EpochStatement>();
        foreach (var epoch in state.OpenEpochs.Keys.Where(e => e < firstOpen).Order().ToList())
        {
            statements.Add(Close(epoch, state.OpenEpochs[epoch]));
            state.OpenEpochs.Remove(epoch);
        }

        state.NextToClose = Math.Max(state.NextToClose, firstOpen);
        TrimPrices();
        return statements;
    }

    /// <summary>Records the day-ahead price of <paramref name="zone"/> for <paramref name="epoch"/>.</summary>
    public void SetPrice(string zone, long epoch, EurPerMwh price)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zone);
        if (!double.IsFinite(price.Value))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A price must be a finite number.");
        }

        if (!state.Prices.TryGetValue(zone, out var prices))
        {
            state.Prices[zone] = prices = [];
        }

        prices[epoch] = price.Value;
    }

    /// <summary>The zone's price for the epoch, else its latest earlier price, else the tariff's fallback.</summary>
    public EurPerMwh PriceFor(string zone, long epoch)
    {
        if (state.Prices.TryGetValue(zone, out var prices) && prices.Keys.Where(e => e <= epoch).ToList() is { Count: > 0 } known)
        {
            return new EurPerMwh(prices[known.Max()]);
        }

        return tariff.FallbackPrice;
    }

    private EpochStatement Close(long epoch, Dictionary<string, NodeEpoch> nodes)
    {
        var contributions = new List<NodeContribution>(nodes.Count);
        var added = new Dictionary<string, MicroEuros>();
        foreach (var (nodeId, node) in nodes.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            var price = PriceFor(node.PriceZone, epoch);
            var payout = tariff.Payout(node.EnergyWh, node.CoreSeconds, price);
            added[node.PayoutAccount] = added.GetValueOrDefault(node.PayoutAccount) + payout;
            state.CumulativePayouts[node.PayoutAccount] = checked(state.CumulativePayouts.GetValueOrDefault(node.PayoutAccount) + payout.Value);
            contributions.Add(new NodeContribution(
                nodeId, node.Device, node.PayoutAccount, node.EnergyWh, node.UsefulHeatWh, node.CoreSeconds, node.Tasks,
                node.Readings, price, payout, node.Baseline, node.Closing, [.. node.Completions]));
        }

        var payouts = state.CumulativePayouts
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new HostPayout(p.Key, new MicroEuros(p.Value), added.GetValueOrDefault(p.Key)))
            .ToList();
        var totals = new EpochSums(
            Sum(contributions, c => c.EnergyWh),
            Sum(contributions, c => c.UsefulHeatWh),
            Sum(contributions, c => c.CoreSeconds),
            Sum(contributions, c => c.Tasks),
            contributions.Count,
            contributions.Aggregate(MicroEuros.Zero, (sum, c) => sum + c.Payout));
        return new EpochStatement(epoch, rules.Clock.StartOf(epoch), rules.Clock.EndOf(epoch), contributions, payouts, totals);
    }

    /// <summary>Keeps each zone's prices from the oldest open epoch on, plus the latest earlier one (the fallback).</summary>
    private void TrimPrices()
    {
        foreach (var prices in state.Prices.Values)
        {
            var old = prices.Keys.Where(e => e < state.NextToClose).Order().ToList();
            foreach (var epoch in old.Take(Math.Max(0, old.Count - 1)))
            {
                prices.Remove(epoch);
            }
        }
    }

    private static ulong Sum(List<NodeContribution> contributions, Func<NodeContribution, ulong> value) =>
        contributions.Aggregate(0UL, (sum, c) => checked(sum + value(c)));
}
