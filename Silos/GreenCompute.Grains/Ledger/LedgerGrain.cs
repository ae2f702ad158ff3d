using System.Globalization;
using GreenCompute.Actors;
using GreenCompute.Core.Ledger;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Ledger.Archive;
using GreenCompute.Grains.Ledger.Chain;
using GreenCompute.Grains.Ledger.Receipts;

namespace GreenCompute.Grains.Ledger;

/// <summary>
/// A thin shell over <see cref="LedgerBook"/> and <see cref="EpochCloser"/> with a durable commit outbox. Every change
/// is written before the call returns; a failed write deactivates the grain so the next call reloads what is stored.
/// Closing writes the epoch's archive first and the outbox entry second, so a crash in between re-closes the same
/// epoch (the archive store is idempotent) and nothing is lost.
/// </summary>
internal sealed class LedgerGrain(IChainCommitter committer, LedgerOptions options) : Grain<LedgerState>, ILedgerGrain
{
    private readonly ReceiptVerifier _verifier = new(options.Domain);

    private LedgerBook Book => new(State.Book, options.Rules);

    private EpochCloser Closer => new(State.Book, options.Rules, options.Tariff);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (options.AutoTick)
        {
            // Keep-alive: epochs close and the outbox drains on this timer even when no receipt arrives.
            RegisterGrainTimer(TickAsync, options.TickPeriod, options.TickPeriod, keepAlive: true);
        }

        return Task.CompletedTask;
    }

    public async Task<string?> Pair(NodeAccount account)
    {
        var problem = Book.Pair(account);
        if (problem is null)
        {
            await SaveAsync();
        }

        return problem;
    }

    public async Task<IReadOnlyList<string?>> PairAll(IReadOnlyList<NodeAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        // The state holds every node: one write per call, not per node, keeps a 10,000-node start linear.
        var book = Book;
        var problems = accounts.Select(book.Pair).ToList();
        if (problems.Any(p => p is null))
        {
            await SaveAsync();
        }

        return problems;
    }

    public async Task<IReadOnlyList<ReceiptVerdict>> SubmitReadings(IReadOnlyList<SignedMeterReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var book = Book;
        var now = TimeProvider.GetUtcNow();
        var verdicts = readings.Select(r => book.AcceptReading(r, _verifier.RecoverSigner(r), now)).ToList();
        await SaveAsync();
        return verdicts;
    }

    public async Task<ReceiptVerdict> SubmitReading(SignedMeterReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var verdict = Book.AcceptReading(reading, _verifier.RecoverSigner(reading), TimeProvider.GetUtcNow());
        await SaveAsync();
        return verdict;
    }

    public async Task<ReceiptVerdict> SubmitCompletion(SignedTaskCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var verdict = Book.AcceptCompletion(completion, _verifier.RecoverSigner(completion), TimeProvider.GetUtcNow());
        await SaveAsync();
        return verdict;
    }

    public async Task SetPrice(string zone, DateTimeOffset time, EurPerMwh price)
    {
        Closer.SetPrice(zone, options.Rules.Clock.EpochOf(time), price);
        await SaveAsync();
    }

    public async Task<IReadOnlyList<long>> CloseDueEpochs()
    {
        var closed = await CloseAsync();
        await PumpAsync(CancellationToken.None);
        return closed;
    }

    public async Task<LedgerStatus> PumpOutbox()
    {
        await PumpAsync(CancellationToken.None);
        return Status();
    }

    public Task<LedgerStatus> GetStatus() => Task.FromResult(Status());

    public Task<ReceiptProof?> GetReceiptProof(long epoch, string nodeId) => EpochGrain(epoch).GetReceiptProof(nodeId);

    public Task<PayoutProof?> GetPayoutProof(string account) =>
        State.LatestCommitted is { } latest ? EpochGrain(latest).GetPayoutProof(account) : Task.FromResult<PayoutProof?>(null);

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        await CloseAsync();
        await PumpAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<long>> CloseAsync()
    {
        var now = TimeProvider.GetUtcNow();
        var nextToClose = State.Book.NextToClose;
        try
        {
            var statements = Closer.CloseDue(now);
            if (statements.Count == 0 && State.Book.NextToClose == nextToClose)
            {
                return [];
            }

            foreach (var statement in statements)
            {
                var archive = EpochTrees.Build(statement, options.TokenUnitsPerMicroEuro);
                await EpochGrain(statement.Epoch).Store(archive);
                State.Outbox.Add(OutboxEntry.From(archive, now));
            }

            await WriteStateAsync();
            return [.. statements.Select(s => s.Epoch)];
        }
        catch
        {
            // The book moved on in memory; what is stored is the truth to come back to.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Records outbox entries strictly in order: the next epoch is sent only once the head is recorded.</summary>
    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        while (State.Outbox.Count > 0 && !State.Outbox[0].Halted)
        {
            var head = State.Outbox[0];
            var now = TimeProvider.GetUtcNow();
            var mayResend = head.LastSentAt is { } sentAt && now - sentAt >= options.ResendAfter;
            var outcome = await committer.CommitAsync(head.ToCommit(), head.Sent, mayResend, cancellationToken);
            head.Attempts++;
            head.LastError = outcome.Status == CommitStatus.Committed ? null : outcome.Detail;
            if (outcome.Status == CommitStatus.Committed)
            {
                var record = new EpochCommitRecord(outcome.Reference ?? "unknown", outcome.Block, committer.Description, now);
                await EpochGrain(head.Epoch).MarkCommitted(record);
                State.Outbox.RemoveAt(0);
                State.RecentCommits.Add(new CommittedEpoch(head.Epoch, record, head.Attempts));
                State.RecentCommits.RemoveRange(0, Math.Max(0, State.RecentCommits.Count - options.RecentCommits));
                State.LatestCommitted = head.Epoch;
                State.EpochsCommitted++;
                await SaveAsync();
                continue;
            }

            if (outcome.Status == CommitStatus.Pending && outcome.Reference is { } hash)
            {
                head.Sent.Add(hash);
                head.LastSentAt = now;
            }

            head.Halted = outcome.Status == CommitStatus.Halted;
            await SaveAsync();
            return;
        }
    }

    private LedgerStatus Status()
    {
        var book = State.Book;
        var head = State.Outbox.FirstOrDefault();
        var where = committer.IsJournal ? $"journal mode, {committer.Description}" : $"on chain, {committer.Description}";
        var outbox = head is null
            ? "outbox empty"
            : $"outbox {State.Outbox.Count} (head epoch {head.Epoch}{(head.Halted ? ", HALTED" : string.Empty)}{(head.LastError is null ? string.Empty : ": " + head.LastError)})";
        var summary = $"{where}; {State.EpochsCommitted} epochs recorded, latest {State.LatestCommitted?.ToString(CultureInfo.InvariantCulture) ?? "none"}; {outbox}";
        return new LedgerStatus(
            summary,
            committer.Description,
            committer.IsJournal,
            [.. book.OpenEpochs.Keys.Order()],
            book.Accepted,
            new Dictionary<ReceiptRejection, long>(book.Rejections),
            [.. State.Outbox.Select(e => e.ToItem())],
            [.. State.RecentCommits],
            State.LatestCommitted,
            State.EpochsCommitted);
    }

    private ILedgerEpochGrain EpochGrain(long epoch) => GrainFactory.GetGrain<ILedgerEpochGrain>(epoch.ToString(CultureInfo.InvariantCulture));

    private async Task SaveAsync()
    {
        try
        {
            await WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
