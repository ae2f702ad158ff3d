using System.Text;

namespace GreenCompute.Web.Live;

/// <summary>
/// A server-sent-events loop: sends a named event whenever the fleet steps or the view's own node or site signals a
/// change between steps (at most every <see cref="MinimumInterval"/>: a burst of telemetry becomes one frame), and a
/// comment line when nothing happened for <see cref="Heartbeat"/> so a closed connection is noticed.
/// </summary>
internal static class ServerSentEvents
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static Task StreamAsync(HttpContext context, Hosting.FleetTicks ticks, string eventName, Func<Task<string>> render) =>
        StreamAsync(context, ticks, null, eventName, render);

    public static async Task StreamAsync(HttpContext context, Hosting.FleetTicks ticks, Hosting.TickSignal? own, string eventName, Func<Task<string>> render)
    {
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var ct = context.RequestAborted;
        await response.Body.FlushAsync(ct);
        try
        {
            // Render whenever the fleet (or the view's own node or site) moved since the last render: also a change
            // that came during the pause below. Both counts only grow, so their sum tells.
            long sent = -1;
            while (!ct.IsCancellationRequested)
            {
                Task tick = own is null ? ticks.Next : Task.WhenAny(ticks.Next, own.Next);
                var count = ticks.Count + (own?.Count ?? 0);
                if (count == sent)
                {
                    if (await Task.WhenAny(tick, Task.Delay(Heartbeat, ct)) != tick)
                    {
                        await response.WriteAsync(": heartbeat\n\n", ct);
                        await response.Body.FlushAsync(ct);
                    }

                    continue;
                }

                sent = count;
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
