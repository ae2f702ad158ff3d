namespace GreenCompute.Bench;

internal static class GrainHostBench
{
    public static Task RunAsync()
    {
        Console.WriteLine("GrainHost benchmark: not written yet.");
        return Task.CompletedTask;
    }
}
