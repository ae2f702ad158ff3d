namespace GreenCompute.Influx.Tests.Fixtures;

/// <summary>Bounded waits whose failure names what was awaited.</summary>
internal static class Waits
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

    public static async Task For(Task task, string what, TimeSpan? timeout = null)
    {
        try
        {
            await task.WaitAsync(timeout ?? Default);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {timeout ?? Default} waiting for {what}.");
        }
    }

    public static async Task<T> For<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        await For((Task)task, what, timeout);
        return await task;
    }
}
