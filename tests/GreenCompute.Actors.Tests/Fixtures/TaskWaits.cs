namespace GreenCompute.Actors.Tests.Fixtures;

internal static class TaskWaits
{
    /// <summary>A safety net, not synchronisation: fails with a message naming what was awaited.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task Within(this Task task, string what)
    {
        try
        {
            await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Patience.TotalSeconds} s waiting for {what}.");
        }
    }

    public static async Task<T> Within<T>(this Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {Patience.TotalSeconds} s waiting for {what}.");
        }
    }
}
