using System.Text;

namespace GreenCompute.Web.Live;

/// <summary>
/// A server-sent-events loop: sends a named event whenever the fleet steps (at most every
/// <see cref="MinimumInterval"/>), and a comment line when nothing happened for <see cref="Heartbeat"/> so a closed
/// connection is noticed.
/// </summary>
internal static class ServerSentEvents
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(HttpContext context, Hosting.FleetTicks ticks, string eventName, Func<Task<string>> render)
    {
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var ct = context.RequestAborted;
        await response.Body.FlushAsync(ct);
        try
        {
            // Render whenever the fleet moved since the last render: also a step that came during the pause below.
            long sent = -1;
            while (!ct.IsCancellationRequested)
            {
                var tick = ticks.Next;
                if (ticks.Count == sent)
                {
                    if (await Task.WhenAny(tick, Task.Delay(Heartbeat, ct)) != tick)
                    {
                        await response.WriteAsync(": heartbeat\n\n", ct);
                        await response.Body.FlushAsync(ct);
                    }

                    continue;
                }

                sent = ticks.Count;
                await response.WriteAsync(Format(eventName, await render()), ct);
                await response.Body.FlushAsync(ct);
                await Task.Delay(MinimumInterval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The browser went away.
        }
        catch (GreenCompute.Silo.Gateway.SiloUnreachableException)
        {
            // A separate silo stopped answering (logged by RemoteSilo): end the stream; the browser reconnects.
        }
    }

    public static string Format(string eventName, string html)
    {
        var text = new StringBuilder("event: ").Append(eventName).Append('\n');
        foreach (var line in html.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            text.Append("data: ").Append(line).Append('\n');
        }

        return text.Append('\n').ToString();
    }
}
