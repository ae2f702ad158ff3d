using GreenCompute.Core.Model;
using GreenCompute.Core.Units;

namespace GreenCompute.Core.Work.Cores;

/// <summary>
/// Which tasks a heater runs at once, shared by the simulated heater and the EdgeAgent. A heater runs no more tasks than
/// the cores its power cap pays for, rounded up (all cores at full cap). A task on a core keeps it (non-preemptive);
/// a free core goes to the waiting task with the earliest deadline, then the one given first. When the cap drops, the
/// tasks with the latest deadlines leave their cores first. Time-sharing more tasks than cores would slow every task
/// down at once and miss deadlines the plan meets.
/// </summary>
public static class CoreSlots
{
    /// <summary>Cores <paramref name="cap"/> pays for, rounded up: none below idle power, all at or above maximum power.</summary>
    public static int Allowed(HeaterSpec spec, Watts cap)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!(cap.Value > 0) || cap < spec.IdlePower)
        {
            return 0;
        }

        // The 1e-9 keeps a cap of exactly k cores' worth from rounding up to k + 1 through floating-point noise.
        return cap >= spec.MaxPower ? spec.Cores : Math.Max(1, (int)Math.Ceiling((spec.UtilisationFor(cap) * spec.Cores) - 1e-9));
    }

    /// <summary>
    /// The tasks on cores after a change, in order: those in <paramref name="holding"/> (the ids on cores now, in their
    /// order) earliest deadline first while they fit, then waiting tasks earliest deadline first while cores are free.
    /// <paramref name="tasks"/> holds every runnable task in the order given (ties keep it). A task wider than
    /// <paramref name="allowed"/> still runs alone, slowed by the cap, when nothing else does, rather than wait forever.
    /// </summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<CoreClaim> tasks, IReadOnlyList<string> holding, int allowed)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(holding);
        var byId = new Dictionary<string, CoreClaim>(tasks.Count, StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            byId.TryAdd(task.Id, task);
        }

        var chosen = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var free = allowed;
        var kept = holding.Where(byId.ContainsKey).Select(id => byId[id]).OrderBy(t => t.Deadline);
        foreach (var task in kept.Concat(tasks.OrderBy(t => t.Deadline)))
        {
            if (free <= 0)
            {
                break;
            }

            if (task.Cores <= free && taken.Add(task.Id))
            {
                chosen.Add(task.Id);
                free -= task.Cores;
            }
        }

        if (chosen.Count == 0 && allowed > 0 && tasks.Count > 0)
        {
            chosen.Add(tasks[0].Id);
        }

        return chosen;
    }
}
