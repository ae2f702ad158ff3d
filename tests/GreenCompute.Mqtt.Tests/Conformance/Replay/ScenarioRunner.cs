using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GreenCompute.Core.Time;
using GreenCompute.Mqtt.Tests.Fixtures;

namespace GreenCompute.Mqtt.Tests.Conformance.Replay;

/// <summary>
/// Replays a scenario as mosquitto's mosq_test does: a fake broker on a loopback port that compares every packet the
/// client sends byte for byte and answers with the scripted bytes, while the client program runs against it.
/// </summary>
internal static class ScenarioRunner
{
    /// <summary>Null when the client matched every expected byte; otherwise where and how it diverged.</summary>
    public static async Task<string?> RunAsync(JsonElement scenario, ScenarioProgram program)
    {
        var steps = ReplayStep.Parse(scenario);
        steps = program.FixSteps?.Invoke(steps, ReplayStep.Packets(scenario)) ?? steps;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var clock = program.ManualClock ? new ManualTimeProvider() : null;
        using var host = new ScenarioHost(((IPEndPoint)listener.LocalEndpoint).Port, clock);
        var run = Task.Run(() => program.Run(host));
        var connections = new Dictionary<string, RawConnection>();
        string? divergence = null;
        try
        {
            for (var i = 0; i < steps.Count && divergence is null; i++)
            {
                if (program.AdvanceBeforeStep.TryGetValue(i, out var advance))
                {
                    await Within.Async(host.Connected.Task, "the client program to connect");
                    clock!.Advance(advance);
                }

                divergence = await ExecuteAsync(steps[i], i, connections, listener, clock);
            }
        }
        finally
        {
            // Closing the script's connections is what ends the programs that wait for the connection to be lost.
            foreach (var connection in connections.Values)
            {
                await connection.DisposeAsync();
            }

            listener.Stop();
        }

        if (divergence is not null)
        {
            // The program may wait on a flow the script abandoned: stop it, whatever it ends with.
            host.Stop();
            await Task.WhenAny(run, Task.Delay(Within.Default));
            return divergence;
        }

        await Within.Async(run, "the client program to finish after the script");
        host.Log.AssertNoErrors();
        return null;
    }

    private static async Task<string?> ExecuteAsync(ReplayStep step, int index, Dictionary<string, RawConnection> connections,
        TcpListener listener, ManualTimeProvider? clock)
    {
        switch (step.Kind)
        {
            case ReplayStepKind.Accept:
                connections[step.Connection] = await RawConnection.AcceptAsync(listener);
                return null;
            case ReplayStepKind.Expect:
                var got = await connections[step.Connection].ReceiveBytesAsync(step.Bytes.Length, $"step {index} {step.Name}");
                return got.AsSpan().SequenceEqual(step.Bytes)
                    ? null
                    : $"step {index} ({step.Name}): expected {Convert.ToHexString(step.Bytes).ToLowerInvariant()}, got {Convert.ToHexString(got).ToLowerInvariant()}";
            case ReplayStepKind.Send:
                try
                {
                    await connections[step.Connection].SendBytesAsync(step.Bytes);
                    return null;
                }
                catch (IOException error)
                {
                    return $"step {index} ({step.Name}): the client closed the connection ({error.Message})";
                }

            case ReplayStepKind.Close:
                await connections[step.Connection].DisposeAsync();
                connections.Remove(step.Connection);
                return null;
            default:
                // time.sleep: only a manual clock needs to move; with the real clock nothing waits on the delay.
                clock?.Advance(TimeSpan.FromSeconds(step.Seconds));
                return null;
        }
    }
}
