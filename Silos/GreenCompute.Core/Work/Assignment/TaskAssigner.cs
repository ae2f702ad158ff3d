namespace GreenCompute.Core.Work.Assignment;

/// <summary>
/// Assigns single-core tasks to the capacity that nodes' power plans give (planned power above idle, as
/// core-seconds per slot): a pure function from a snapshot to commands, run by the scheduler each round.
/// <para>
/// Policy. Planned heat is sunk cost (<see cref="AssignerOptions.PlannedHeatIsSunk"/>, the default): the power plan
/// fixes each node's heat, and so the electricity bill, from comfort and prices alone, and the heat is delivered
/// whether tasks run or not (heat-only load burns it otherwise). Work placed on planned capacity therefore costs
/// nothing extra, and planned capacity not used now is lost. Tasks claim capacity earliest deadline first; each is
/// placed tentatively into the earliest planned cells with free capacity before its deadline (then the cheapest
/// real price, then the lower node index; at most one node per slot, since a task runs on one core; never above
/// the job's price cap, checked against the slot's real price); only placements in the current slot become
/// commands. Running tasks first hold their own node's current capacity, so queued work never preempts them, and
/// they stay while their node has planned heat for them now: no move for price. A running task that loses its
/// place (its node's plan dropped) keeps running until its next checkpoint, then pauses. A node that stopped
/// computing takes no new work for <see cref="AssignerOptions.MinIdleDwell"/>. Work that planned heat cannot
/// carry before its deadline waits until its latest start (deadline − remaining work on one core, less what the
/// plan carries) and then runs on cores above the plan, which costs the slot's real price: as late as possible,
/// spread over the cheapest nodes of each slot, coolest predicted room first (<see cref="ForcedCapacity"/>), the
/// power cap raised and the reason saying so. Work past its deadline is
/// late anyway and still rides free planned heat as soon as there is some. Retries avoid the node that failed
/// when another node within the price cap has capacity.
/// </para>
/// <para>
/// Baseline (<see cref="AssignerOptions.PlannedHeatIsSunk"/> false): planned cells ranked by slot price, cheapest
/// first, so work waits for cheaper planned slots while current planned heat runs heat-only; a running task sees
/// its own cell cheaper by <see cref="AssignerOptions.PreemptionMargin"/> (or free during
/// <see cref="AssignerOptions.MinRunDwell"/>), so small price changes do not move it.
/// </para>
/// <para>
/// Cost, for N nodes, S slots and Q tasks: building the index is O(N·S) (one heap per slot, built in linear time,
/// and a segment tree over slots); sorting is O(Q log Q); each task then costs O(k·(log S + log N)) for the k
/// cells it takes (plus, with sunk heat, one O(log S) step per slot a price cap blocks), each cell leaving its
/// heap once, O(N·S·log N) over the whole round at worst. Capacity above the plan is sorted per slot only when
/// first needed, O(N log N). Memory is four N·S arrays of doubles (30 MB at N = 10,000, S = 96). With
/// Q = 100,000 tasks and N = 10,000 a round takes about 0.3 s of CPU (Release, one thread; the bench's
/// <c>planning</c> run); issuing more commands now, sunk heat costs some 10–20 % more than price-ranked.
/// </para>
/// </summary>
public static class TaskAssigner
{
    public static AssignmentResult Assign(AssignmentSnapshot snapshot, AssignerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var round = new AssignmentRound(snapshot, options ?? AssignerOptions.Default);
        round.Run();
        return RoundOutcome.Build(round);
    }

    /// <summary>
    /// The completion estimate a job would get if submitted now, before it is submitted: its tasks join the
    /// snapshot's queue, with the queue's deadlines competing for the same capacity.
    /// </summary>
    public static JobEstimate Preview(AssignmentSnapshot snapshot, JobSpec spec, AssignerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(spec);
        const string previewId = "\u0001preview";
        var queue = (snapshot.Queue.IsDefault ? [] : snapshot.Queue).ToBuilder();
        for (var i = 0; i < spec.TaskCount; i++)
        {
            queue.Add(new QueuedTask($"{previewId}/{i}", previewId, spec.CpuSecondsPerTask, spec.Deadline, spec.MaxPrice, snapshot.Now));
        }

        var result = Assign(snapshot with { Queue = queue.ToImmutable() }, options);
        var estimate = result.Jobs.First(j => j.JobId == previewId);
        return estimate with { JobId = spec.Name };
    }
}
