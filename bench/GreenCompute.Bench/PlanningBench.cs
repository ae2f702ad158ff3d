namespace GreenCompute.Bench;

internal static class PlanningBench
{
    public static Task RunAsync()
    {
        Console.WriteLine("Planning benchmark: not written yet.");
        return Task.CompletedTask;
    }
}
