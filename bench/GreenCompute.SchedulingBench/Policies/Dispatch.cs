using GreenCompute.SchedulingBench.Simulation;

namespace GreenCompute.SchedulingBench.Policies;

/// <summary>Queue helpers shared by the baselines.</summary>
internal static class Dispatch
{
    /// <summary>Starts waiting tasks, in queue order, on <paramref name="node"/> until it runs <paramref name="limit"/> tasks.</summary>
    public static int Fill(StepContext context, int node, int limit)
    {
        var free = limit - context.Book.RunningCount(node);
        if (free <= 0 || context.Book.WaitingCount == 0)
        {
            return 0;
        }

        var next = context.Book.Waiting.Take(free).ToList();
        foreach (var task in next)
        {
            context.Control.Start(task, node);
        }

        return next.Count;
    }

    /// <summary>
    /// Starts waiting tasks in queue order, each on the node <paramref name="choose"/> picks among those with a free
    /// core (−1: none left); stops when no node can take one.
    /// </summary>
    public static void Place(StepContext context, Func<int[], int> choose)
    {
        if (context.Book.WaitingCount == 0)
        {
            return;
        }

        var free = new int[context.Nodes.Count];
        var total = 0;
        for (var i = 0; i < free.Length; i++)
        {
            free[i] = Math.Max(0, context.Nodes[i].Heater.Cores - context.Book.RunningCount(i));
            total += free[i];
        }

        foreach (var task in context.Book.Waiting.Take(total).ToList())
        {
            var node = choose(free);
            if (node < 0)
            {
                return;
            }

            context.Control.Start(task, node);
            free[node]--;
        }
    }
}
