namespace GreenCompute.Silo.Tests.Ledger;

/// <summary>Bounded polling for what happens outside the test's control (a process coming back); fails naming what was awaited.</summary>
internal static class Poll
{
    private const int Attempts = 400;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string awaited)
    {
        var last = default(T);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(Interval);
        }

        throw new TimeoutException($"Still waiting for {awaited} after {Attempts} polls; last value: {last}");
    }
}
