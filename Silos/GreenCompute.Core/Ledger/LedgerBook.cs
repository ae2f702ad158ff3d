namespace GreenCompute.Core.Ledger;

/// <summary>
/// The receipt rules over a <see cref="LedgerBookState"/>: pairing, and accepting signed meter readings and task
/// completions into the open epochs. The caller verifies the EIP-712 signature and passes the recovered signer
/// (null when the signature cannot be parsed); every refusal carries a reason and is counted.
/// A receipt is credited to the epoch of its time, or to the oldest open epoch when that one is already closed.
/// </summary>
public sealed class LedgerBook(LedgerBookState state, LedgerRules rules)
{
    public LedgerBookState State { get; } = state;

    public LedgerRules Rules { get; } = rules;

    /// <summary>
    /// Pairs (or re-pairs) a node. A new device key starts a new stream: its sequence and counter baseline start over.
    /// Returns the problem, or null when paired.
    /// </summary>
    public string? Pair(NodeAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (string.IsNullOrWhiteSpace(account.NodeId) || string.IsNullOrWhiteSpace(account.PriceZone))
        {
            return "node id and price zone are required";
        }

        if (HexText.NormalizeAddress(account.Device) is not { } device || HexText.NormalizeAddress(account.PayoutAccount) is not { } payout)
        {
            return $"device '{account.Device}' and payout '{account.PayoutAccount}' must be 0x + 40 hex digits";
        }

        if (State.Nodes.Values.FirstOrDefault(n => n.Device == device && n.NodeId != account.NodeId) is { } other)
        {
            return $"device {device} is already paired with node '{other.NodeId}': unpair it first";
        }

        if (!State.Nodes.TryGetValue(account.NodeId, out var previous) || previous.Device != device)
        {
            State.Cursors[account.NodeId] = new NodeCursor();
        }

        State.Nodes[account.NodeId] = account with { Device = device, PayoutAccount = payout };
        return null;
    }

    public ReceiptVerdict AcceptReading(SignedMeterReading signed, string? signer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var r = signed.Reading;
        if (CheckStream(r.NodeId, r.Sequence, r.Time, signer, now) is { } refused)
        {
            return refused;
        }

        var cursor = State.Cursors[r.NodeId];
        ulong delta = 0;
        if (cursor.LastReading?.Reading is { } previous)
        {
            if (r.Time <= previous.Time)
            {
                return Refuse(ReceiptRejection.TimeNotIncreasing, $"reading at {r.Time:O} is not after the previous reading at {previous.Time:O}");
            }

            if (r.CounterWh < previous.CounterWh)
            {
                return Refuse(ReceiptRejection.CounterWentBackwards,
                    $"counter {r.CounterWh} Wh is below the previous {previous.CounterWh} Wh: a counter reset is refused (re-pair the device to start a new baseline)");
            }

            delta = r.CounterWh - previous.CounterWh;
            var watts = delta / (r.Time - previous.Time).TotalHours;
            if (watts > Rules.MaxPlausiblePower.Value)
            {
                return Refuse(ReceiptRejection.ImplausibleEnergy, $"{delta} Wh in {(r.Time - previous.Time).TotalSeconds:0} s is {watts:0} W, above {Rules.MaxPlausiblePower.Value:0} W");
            }
        }

        var (epoch, node) = Credit(r.NodeId, r.Time);
        node.Baseline ??= cursor.LastReading ?? signed;
        node.Closing = signed;
        node.Readings++;
        node.EnergyWh += delta;
        node.UsefulHeatWh += r.RoomWantedHeat ? delta : 0;
        cursor.LastReading = signed;
        Advance(cursor, r.Sequence, r.Time);
        return ReceiptVerdict.Accept(epoch);
    }

    public ReceiptVerdict AcceptCompletion(SignedTaskCompletion signed, string? signer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var c = signed.Completion;
        if (CheckStream(c.NodeId, c.Sequence, c.Time, signer, now) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(c.JobId) || string.IsNullOrWhiteSpace(c.TaskId) || c.CoreSeconds == 0 || !HexText.IsHash(c.OutputHash))
        {
            return Refuse(ReceiptRejection.InvalidValues, "a completion needs a job id, a task id, core-seconds > 0 and a 32-byte 0x output hash");
        }

        var cursor = State.Cursors[c.NodeId];
        var key = $"{c.JobId}/{c.TaskId}";
        if (cursor.RecentTasks.Contains(key))
        {
            return Refuse(ReceiptRejection.DuplicateTask, $"task {key} was already credited to node '{c.NodeId}'");
        }

        var (epoch, node) = Credit(c.NodeId, c.Time);
        node.CoreSeconds += c.CoreSeconds;
        node.Tasks++;
        node.Completions.Add(signed);
        cursor.RecentTasks.Add(key);
        if (cursor.RecentTasks.Count > Rules.RememberedTasksPerNode)
        {
            cursor.RecentTasks.RemoveRange(0, cursor.RecentTasks.Count - Rules.RememberedTasksPerNode);
        }

        Advance(cursor, c.Sequence, c.Time);
        return ReceiptVerdict.Accept(epoch);
    }

    /// <summary>Checks shared by both receipt kinds, signature first so a forger cannot burn sequence numbers.</summary>
    private ReceiptVerdict? CheckStream(string nodeId, ulong sequence, DateTimeOffset time, string? signer, DateTimeOffset now)
    {
        if (nodeId is null || !State.Nodes.TryGetValue(nodeId, out var account))
        {
            return Refuse(ReceiptRejection.UnknownNode, $"node '{nodeId}' is not paired");
        }

        if (HexText.NormalizeAddress(signer) is not { } recovered)
        {
            return Refuse(ReceiptRejection.Unverifiable, $"no signer can be recovered from receipt {sequence} of node '{nodeId}': its signature or fields cannot be decoded");
        }

        if (recovered != account.Device)
        {
            return Refuse(ReceiptRejection.SignatureMismatch,
                $"receipt {sequence} of node '{nodeId}' was signed by {recovered}, not by its device {account.Device} (wrong key or altered content)");
        }

        var cursor = State.Cursors[nodeId];
        if (cursor.LastSequence is { } last && sequence <= last)
        {
            return Refuse(ReceiptRejection.StaleSequence, $"sequence {sequence} of node '{nodeId}' is not above the last accepted {last}: replayed or stale");
        }

        if (time > now + Rules.MaxClockSkew)
        {
            return Refuse(ReceiptRejection.FromTheFuture, $"receipt time {time:O} is ahead of the ledger clock {now:O}");
        }

        return cursor.LastTime is { } lastTime && time < lastTime
            ? Refuse(ReceiptRejection.TimeNotIncreasing, $"receipt time {time:O} is before the previous receipt at {lastTime:O}")
            : null;
    }

    private (long Epoch, NodeEpoch Node) Credit(string nodeId, DateTimeOffset time)
    {
        var epoch = Math.Max(Rules.Clock.EpochOf(time), State.NextToClose);
        if (!State.OpenEpochs.TryGetValue(epoch, out var nodes))
        {
            State.OpenEpochs[epoch] = nodes = [];
        }

        if (!nodes.TryGetValue(nodeId, out var node))
        {
            nodes[nodeId] = node = new NodeEpoch();
        }

        var account = State.Nodes[nodeId];
        (node.Device, node.PayoutAccount, node.PriceZone) = (account.Device, account.PayoutAccount, account.PriceZone);
        return (epoch, node);
    }

    private void Advance(NodeCursor cursor, ulong sequence, DateTimeOffset time)
    {
        cursor.LastSequence = sequence;
        cursor.LastTime = time;
        State.Accepted++;
    }

    private ReceiptVerdict Refuse(ReceiptRejection rejection, string reason)
    {
        State.Rejections[rejection] = State.Rejections.GetValueOrDefault(rejection) + 1;
        return ReceiptVerdict.Reject(rejection, reason);
    }
}
