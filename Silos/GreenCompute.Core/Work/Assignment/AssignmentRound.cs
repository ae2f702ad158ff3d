using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// One assignment round (the policy and its cost are described on <see cref="TaskAssigner"/>). Builds the
/// capacity index from the snapshot, places every task, and settles what each task and node does now.
/// Amounts are core-seconds; a task runs on one core, so its core-seconds in a slot are also wall seconds.
/// Times are seconds from now (<see cref="RoundClock"/>).
/// </summary>
internal sealed class AssignmentRound
{
    private const double Eps = PlannedCapacity.Eps;

    private readonly double[] _price;
    private readonly PlannedCapacity _planned;
    private readonly ForcedCapacity _forced;
    private readonly double[] _used;
    private readonly List<int> _touched = [];
    private readonly List<(int Node, double Amount, double Offset)> _taken = [];
    private int _nodeNow;
    private bool _forcedNow;
    private double _lastEnd;
    private int _firstPlanned;
    private double _firstPlannedPrice;
    private int _firstForced;

    public AssignmentRound(AssignmentSnapshot snapshot, AssignerOptions options)
    {
        Options = options;
        Clock = new RoundClock(snapshot.Now, snapshot.Horizon);
        Reasons = new ReasonCache(snapshot.Now);
        var slots = Clock.Count;
        _used = new double[slots];
        var nodes = snapshot.Nodes.IsDefault ? [] : snapshot.Nodes;
        Nodes = new RoundNode[nodes.Length];
        _price = new double[nodes.Length * slots];
        var free = new double[nodes.Length * slots];
        var spare = new double[nodes.Length * slots];
        var warmth = new double[nodes.Length * slots];
        var closedNow = new bool[nodes.Length];
        var index = new Dictionary<string, int>(nodes.Length, StringComparer.Ordinal);
        for (var n = 0; n < nodes.Length; n++)
        {
            Nodes[n] = new RoundNode(nodes[n]);
            index.TryAdd(nodes[n].NodeId, n);
            closedNow[n] = !new NodeLoader(this, n).Load(free, spare, _price, warmth);
        }

        var capacity = (double[])free.Clone();
        var tasks = new RoundTasks(this, index);
        tasks.Collect(snapshot, free);
        Items = tasks.Items;
        Early = tasks.Early;
        Heat = PlannedHeat.Of(nodes.Length, slots, free, capacity, closedNow);
        _planned = new PlannedCapacity(nodes.Length, slots, free, capacity, Clock.Length, _price, closedNow, options.PlannedHeatIsSunk);
        _forced = new ForcedCapacity(nodes.Length, slots, spare, _price, warmth, Clock.Length);
    }

    public RoundClock Clock { get; }

    /// <summary>Where the fleet's planned heat is, before any task took from it.</summary>
    public PlannedHeat Heat { get; }

    public ReasonCache Reasons { get; }

    public AssignerOptions Options { get; }

    public RoundNode[] Nodes { get; }

    public List<RoundItem> Items { get; }

    /// <summary>Decisions made before placement: tasks lost with an offline node, cancelled, or duplicated.</summary>
    public List<TaskDecision> Early { get; }

    public DateTimeOffset Now => Clock.Now;

    public double CurrentSlotSeconds => Clock.Length[0];

    public double PriceNow(int node) => _price[node * Clock.Count];

    public void Run()
    {
        var keys = new RoundItemOrder[Items.Count];
        var edf = Options.Order == TaskOrder.EarliestDeadlineFirst;
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = RoundItemOrder.For(Items[i], edf);
        }

        var items = Items.ToArray();
        Array.Sort(keys, items);
        foreach (var item in items)
        {
            Place(item);
        }
    }

    private void Place(RoundItem item)
    {
        _nodeNow = -1;
        _forcedNow = false;
        _lastEnd = 0;
        _firstPlanned = -1;
        _firstForced = -1;
        var sunk = Options.PlannedHeatIsSunk;
        var need = item.Remaining;
        var hard = Clock.SecondsFromNow(item.Deadline);
        var aim = Clock.SecondsFromNow(item.Deadline - Options.DeadlineSafetyMargin);

        // The safety margin is an aim: inside it, aim at the deadline itself. Work past its deadline is late
        // whatever happens; with sunk planned heat it still rides free planned capacity as soon as there is some.
        var deadline = aim > 0 ? aim : hard;
        var late = deadline <= 0;
        var until = late && sunk ? Clock.HorizonEnd : deadline;
        var to = Clock.WindowEnd(until);
        var openNow = _planned.OpenNow;
        var ownOffered = item.Running && item.Reserved > Eps;
        if (item.Running)
        {
            // A running task may use the current slot only where it runs: on its own reserved cell.
            _planned.OfferCurrentSlot(ownOffered, item.OwnPrice);
        }

        var priceBlocked = false;
        var priceBlockedNow = false;
        while (need > Eps)
        {
            var slot = _planned.Next(to);
            if (slot < 0)
            {
                break;
            }

            // The price cap is checked against the slot's real price, sunk or not.
            var own = item.Running && slot == 0;
            var price = own ? PriceNow(item.Node) : _planned.PriceOf(slot);
            var room = Clock.Room(slot, until) - _used[slot];
            if (price > item.MaxPrice || room <= Eps)
            {
                var blocked = price > item.MaxPrice;
                priceBlocked |= blocked;
                priceBlockedNow |= blocked && slot == 0;
                _planned.Exclude(slot);
                if (blocked && !own && !sunk)
                {
                    // Ranked by price: every other slot costs as much or more.
                    break;
                }

                continue;
            }

            int node;
            double amount;
            var offset = 0.0;
            if (own)
            {
                // Its reserved core: it runs on from now.
                node = item.Node;
                amount = Math.Min(need, Math.Min(room, item.Reserved));
                item.Reserved -= amount;
            }
            else
            {
                node = _planned.Take(slot, item.Avoid, item.MaxPrice, Math.Min(need, room), out amount, out offset);
            }

            _planned.Exclude(slot);
            if (node >= 0 && amount > Eps)
            {
                Record(item, slot, node, amount, forced: false, _price[node * Clock.Count + slot], offset);
                need -= amount;
            }
        }

        var beyond = false;
        var forcedTo = Clock.WindowEnd(deadline);
        if (need > Eps)
        {
            need = PlaceForced(item, need, deadline, forcedTo, out beyond);
        }

        // Work left over runs on past the aim; only what does not fit before the deadline either is short. Work
        // already past its deadline is late whole.
        item.Late = late && item.Remaining > Eps;
        item.Shortfall = item.Late ? item.Remaining : Math.Max(0, need - (hard - deadline));
        item.AtRisk = item.Shortfall > Eps;
        item.Completion = beyond || (late && need > Eps) ? null : Clock.At(_lastEnd + Math.Max(0, need));
        new RoundSettler(this, item).Settle(new PlacementSummary(
            _used[0] > Eps, _nodeNow, _forcedNow, _firstPlanned < 0 ? null : Clock.At(Clock.Begin[_firstPlanned]), _firstPlannedPrice,
            _firstForced < 0 ? null : Clock.At(Clock.Begin[_firstForced]), openNow, ownOffered, priceBlocked, priceBlockedNow,
            Heat.FirstSlot < forcedTo), _planned);
        _planned.RestoreExcluded();
        foreach (var slot in _touched)
        {
            _used[slot] = 0;
        }

        _touched.Clear();
    }

    /// <summary>
    /// Places work that planned heat cannot carry before the deadline on cores above the plan. Work that fits
    /// after the horizon (one core until the deadline) is left for later rounds. Queued tasks are forced as late
    /// as possible, so heat may still turn up; a running task whose latest start is within its run dwell keeps
    /// running instead of pausing for a moment. Returns the work that fits nowhere before the deadline.
    /// </summary>
    private double PlaceForced(RoundItem item, double need, double deadline, int to, out bool beyond)
    {
        var afterHorizon = Math.Max(0, deadline - Clock.HorizonEnd);
        beyond = afterHorizon > Eps;
        if (need <= afterHorizon + Eps)
        {
            beyond = true;
            return 0;
        }

        need -= afterHorizon;
        var dwell = Math.Max(Options.MinRunDwell.TotalSeconds, Clock.Horizon.SlotLength.TotalSeconds);
        var asSoonAsPossible = item.Running && LatestStart(need, deadline, to) < dwell;
        for (var k = 0; k < to && need > Eps; k++)
        {
            var slot = asSoonAsPossible ? k : to - 1 - k;
            var room = Clock.Room(slot, deadline) - _used[slot];
            if (room <= Eps)
            {
                continue;
            }

            var require = slot != 0 ? -1 : item.Running ? item.Node : _used[0] > Eps ? _nodeNow : -1;
            var took = _forced.Take(slot, Math.Min(need, room), item.MaxPrice, require, item.Avoid, singleNode: slot == 0, _taken);
            foreach (var (node, amount, offset) in _taken)
            {
                Record(item, slot, node, amount, forced: true, _price[node * Clock.Count + slot], offset);
            }

            need -= took;
        }

        return need;
    }

    /// <summary>Seconds from now at which the task must start on one core (after its planned runs) to finish in time.</summary>
    private double LatestStart(double need, double deadline, int to)
    {
        for (var slot = to - 1; slot >= 0; slot--)
        {
            need -= Clock.Room(slot, deadline) - _used[slot];
            if (need <= Eps)
            {
                return Clock.Begin[slot];
            }
        }

        return 0;
    }

    /// <summary>
    /// Books a piece of the task in a slot. <paramref name="offset"/> is where the piece starts on its node's cores
    /// (seconds into the slot); a piece that wraps onto the next core ends at the slot's end.
    /// </summary>
    private void Record(RoundItem item, int slot, int node, double amount, bool forced, double price, double offset)
    {
        if (_used[slot] <= 0)
        {
            _touched.Add(slot);
        }

        var start = offset + amount <= Clock.Length[slot] + Eps ? Clock.Begin[slot] + offset : Clock.End[slot] - amount;
        _used[slot] += amount;
        _lastEnd = Math.Max(_lastEnd, start + amount);
        if (slot == 0)
        {
            _nodeNow = node;
            if (forced)
            {
                // A whole core, not the piece's average over the slot: the task runs on one core from its start, and a
                // fraction would leave it waiting on the device behind the tasks that hold the planned cores.
                _forcedNow = true;
                Nodes[node].ExtraCores += 1;
            }
        }

        if (forced)
        {
            _firstForced = _firstForced < 0 ? slot : Math.Min(_firstForced, slot);
        }
        else if (_firstPlanned < 0 || slot < _firstPlanned)
        {
            _firstPlanned = slot;
            _firstPlannedPrice = price;
        }

        if (Options.RecordPlacements)
        {
            (item.Runs ??= []).Add(new TaskRun(
                Nodes[node].Snapshot.NodeId, Clock.At(start), Clock.At(start + amount), new CoreSeconds(amount), forced));
        }
    }
}
