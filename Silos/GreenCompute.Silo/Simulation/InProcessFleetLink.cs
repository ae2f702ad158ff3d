using System.Collections.Immutable;
using GreenCompute.Actors;
using GreenCompute.Grains;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Silo.Simulation;

/// <summary>The direct path (<c>--in-process</c>): grain calls instead of messages, commands through a queue.</summary>
internal sealed class InProcessFleetLink(IGrainFactory grains) : IFleetLink
{
    private readonly FleetCommandSink _sink = new();

    public INodeCommandSink Commands => _sink;

    public string Description => "Agents: in-process (direct grain calls, no MQTT).";

    private ISchedulerGrain Scheduler => grains.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);

    public Task StartAsync(IReadOnlyList<string> nodeIds, DateTimeOffset now) => Task.CompletedTask;

    public async Task FeedMarketAsync(PriceCurve prices, IReadOnlyList<OutdoorForecast> forecasts)
    {
        await Scheduler.UpdatePrices(prices);
        foreach (var forecast in forecasts)
        {
            await Scheduler.UpdateWeather(forecast);
        }
    }

    public async Task<int> ReportTelemetryAsync(IReadOnlyList<NodeTelemetry> reports)
    {
        var results = await Task.WhenAll(reports.Select(t => grains.GetGrain<IHeaterNodeGrain>(t.NodeId).ReportTelemetry(t)));
        return results.Count(r => !r.Accepted);
    }

    public Task ReportTaskEventsAsync(ImmutableArray<TaskEvent> events) => Scheduler.ReportTaskEvents(events);

    public async Task<int> SubmitReceiptsAsync(IReadOnlyList<ReceiptPayload> receipts)
    {
        var ledger = grains.GetGrain<ILedgerGrain>(LedgerGrains.LedgerKey);
        var refused = 0;
        var readings = new List<GreenCompute.Core.Ledger.SignedMeterReading>(receipts.Count);
        foreach (var payload in receipts)
        {
            // The same checks as the MQTT ingest, then the ledger's own; a round's readings in one ledger call (one state write).
            switch (PayloadValidator.Receipt(payload, payload.NodeId ?? string.Empty).Value)
            {
                case { Reading: { } reading }:
                    readings.Add(reading);
                    break;
                case { Completion: { } completion }:
                    refused += (await ledger.SubmitCompletion(completion)).Accepted ? 0 : 1;
                    break;
                default:
                    refused++;
                    break;
            }
        }

        if (readings.Count > 0)
        {
            refused += (await ledger.SubmitReadings(readings)).Count(v => !v.Accepted);
        }

        return refused;
    }

    public Task<IReadOnlyList<NodeCommand>> TakeCommandsAsync()
    {
        var commands = new List<NodeCommand>();
        while (_sink.TryTake(out var command))
        {
            commands.Add(command);
        }

        return Task.FromResult<IReadOnlyList<NodeCommand>>(commands);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
