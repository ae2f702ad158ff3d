using System.Collections.Concurrent;
using GreenCompute.Actors;
using GreenCompute.Grains;
using GreenCompute.Grains.Ledger;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Silo.Mqtt;

/// <summary>
/// One arriving message to one grain call: parse the topic, read the JSON, validate, then call the node grain or the
/// scheduler; signed receipts (on the events topic, marked by their "receipt" property) go to the ledger grain.
/// Returns the rejection (nothing was changed) or null when the grain applied it.
/// </summary>
internal sealed class IngestRouter(IGrainFactory grains)
{
    // Grain references of the nodes seen, reused: making one per message (a proxy object) was a measurable part of the
    // ingest's cost. Bounded by the devices the broker lets publish (each only under its own node id).
    private readonly ConcurrentDictionary<string, IHeaterNodeGrain> _nodes = new(StringComparer.Ordinal);

    private ISchedulerGrain Scheduler => grains.GetGrain<ISchedulerGrain>(SiloGrains.SchedulerKey);

    public async Task<PayloadRejection?> RouteAsync(string topic, ReadOnlyMemory<byte> payload)
    {
        if (!Topics.TryParse(topic, out var parsed) || parsed.Kind == TopicKind.Commands)
        {
            return new PayloadRejection(PayloadRejection.UnknownTopic, $"'{topic}' is not a topic the silo ingests");
        }

        var json = PayloadJsonContext.Default;
        return parsed.Kind switch
        {
            TopicKind.Telemetry => await TelemetryAsync(payload, parsed.Key),
            TopicKind.Status => await ApplyAsync(payload, json.StatusPayload, p => PayloadValidator.Status(p, parsed.Key), StatusAsync),
            TopicKind.Events when PayloadCodec.HasProperty(payload.Span, "receipt"u8) =>
                await ApplyAsync(payload, json.ReceiptPayload, p => PayloadValidator.Receipt(p, parsed.Key), ReceiptAsync),
            TopicKind.Events => await ApplyAsync(payload, json.TaskEventPayload, p => PayloadValidator.TaskEvent(p, parsed.Key), EventAsync),
            TopicKind.Prices => await ApplyAsync(payload, json.PriceCurvePayload, p => PayloadValidator.Prices(p, parsed.Key), PricesAsync),
            _ => await ApplyAsync(payload, json.WeatherPayload, p => PayloadValidator.Weather(p, parsed.Key), WeatherAsync),
        };
    }

    private static async Task<PayloadRejection?> ApplyAsync<TPayload, TMessage>(
        ReadOnlyMemory<byte> payload,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TPayload> typeInfo,
        Func<TPayload, Validated<TMessage>> validate,
        Func<TMessage, Task<PayloadRejection?>> apply)
        where TPayload : class
        where TMessage : class
    {
        if (!PayloadCodec.TryRead(payload.Span, typeInfo, out var read, out var malformed))
        {
            return malformed;
        }

        var validated = validate(read!);
        return validated.IsValid ? await apply(validated.Value!) : validated.Rejection;
    }

    /// <summary>
    /// The hot path (nearly every message is telemetry), written out rather than through <see cref="ApplyAsync"/>: the
    /// allocation-light reader, no closures, one async frame.
    /// </summary>
    private async Task<PayloadRejection?> TelemetryAsync(ReadOnlyMemory<byte> payload, string topicNodeId)
    {
        if (!PayloadCodec.TryReadTelemetry(payload.Span, out var read, out var malformed))
        {
            return malformed;
        }

        var validated = PayloadValidator.Telemetry(read, topicNodeId);
        if (!validated.IsValid)
        {
            return validated.Rejection;
        }

        var telemetry = validated.Value!;
        var node = _nodes.GetOrAdd(telemetry.NodeId, static (id, factory) => factory.GetGrain<IHeaterNodeGrain>(id), grains);
        var result = await node.ReportTelemetry(telemetry);
        return result.Accepted ? null : new PayloadRejection(PayloadRejection.RejectedByGrain, result.Rejection ?? "rejected by the node grain");
    }

    private async Task<PayloadRejection?> StatusAsync(StatusPayload status)
    {
        // "online" needs no call: the next telemetry report brings the node back online.
        if (status.State == "offline")
        {
            await grains.GetGrain<IHeaterNodeGrain>(status.NodeId!).MarkOffline(status.Reason ?? "device went offline (last will)");
        }

        return null;
    }

    private async Task<PayloadRejection?> EventAsync(TaskEvent e)
    {
        await Scheduler.ReportTaskEvents([e]);
        return null;
    }

    /// <summary>The ledger checks the signature against the device paired with the node, then sequence, time and counter.</summary>
    private async Task<PayloadRejection?> ReceiptAsync(SignedReceipt receipt)
    {
        var ledger = grains.GetGrain<ILedgerGrain>(LedgerGrains.LedgerKey);
        var verdict = receipt.Reading is { } reading ? await ledger.SubmitReading(reading) : await ledger.SubmitCompletion(receipt.Completion!);
        return verdict.Accepted ? null : new PayloadRejection(PayloadRejection.RejectedByGrain, $"the ledger refused the receipt: {verdict.Rejection}: {verdict.Reason}");
    }

    private async Task<PayloadRejection?> PricesAsync(PriceCurve curve)
    {
        await Scheduler.UpdatePrices(curve);
        return null;
    }

    private async Task<PayloadRejection?> WeatherAsync(OutdoorForecast forecast)
    {
        await Scheduler.UpdateWeather(forecast);
        return null;
    }
}
