using System.Collections.Concurrent;
using System.Net;

namespace GreenCompute.Web.Pairing;

/// <summary>
/// Slows down claim-code guessing on the anonymous poll endpoint: a client address that asked for
/// <see cref="MaxUnknown"/> unknown codes within <see cref="Window"/> is refused (429) until the window has passed.
/// A real agent asks for one code it knows, so it never comes near the limit.
/// </summary>
internal sealed class GuessLimiter(TimeProvider time)
{
    public const int MaxUnknown = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<IPAddress, (DateTimeOffset Since, int Count)> _misses = new();

    public bool IsBlocked(IPAddress? client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (client is null || !_misses.TryGetValue(client, out var entry))
        {
            return false;
        }

        var left = entry.Since + Window - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            _misses.TryRemove(client, out _);
            return false;
        }

        retryAfter = left;
        return entry.Count >= MaxUnknown;
    }

    public void RecordMiss(IPAddress? client)
    {
        if (client is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        _misses.AddOrUpdate(client, (now, 1), (_, e) => e.Since + Window <= now ? (now, 1) : (e.Since, e.Count + 1));
    }
}
