namespace GreenCompute.Influx.Writing;

/// <summary>
/// How long to wait before retry number <c>attempt</c> (1-based): a random point in
/// [upper / factor, upper] with upper = min(initial × factor^attempt, max), so retries spread out (jitter) even once
/// the cap is reached. A server's <c>Retry-After</c> wins over the computed delay.
/// </summary>
internal static class RetryDelay
{
    public static TimeSpan Compute(int attempt, InfluxWriterOptions options, double random01, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (retryAfter is TimeSpan serverDelay)
        {
            return serverDelay < TimeSpan.Zero ? TimeSpan.Zero : serverDelay;
        }

        double factor = options.RetryBackoffFactor;
        double upperTicks = Math.Min(
            options.RetryInitialDelay.Ticks * Math.Pow(factor, Math.Min(attempt, 64)),
            options.RetryMaxDelay.Ticks);
        double lowerTicks = upperTicks / factor;
        return TimeSpan.FromTicks((long)(lowerTicks + ((upperTicks - lowerTicks) * random01)));
    }

    /// <summary>The <c>Retry-After</c> header as a delay from <paramref name="now"/> (seconds or an HTTP date), if any.</summary>
    public static TimeSpan? FromHeader(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta;
        }

        return header?.Date is DateTimeOffset date ? date - now : null;
    }
}
