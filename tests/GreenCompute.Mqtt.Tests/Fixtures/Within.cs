namespace GreenCompute.Mqtt.Tests.Fixtures;

/// <summary>Bounded waits whose failure names what was awaited (no sleeps for synchronisation).</summary>
internal static class Within
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    public static async Task<T> Async<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        try
        {
            return await task.WaitAsync(timeout ?? Default);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {(timeout ?? Default).TotalSeconds:0.#} s waiting for {what}.");
        }
    }

    public static async Task Async(Task task, string what, TimeSpan? timeout = null)
    {
        try
        {
            await task.WaitAsync(timeout ?? Default);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {(timeout ?? Default).TotalSeconds:0.#} s waiting for {what}.");
        }
    }

    /// <summary>Polls <paramref name="condition"/> (state owned by another thread) until true; for conditions without an event.</summary>
    public static async Task Until(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Default);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {(timeout ?? Default).TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }
}
