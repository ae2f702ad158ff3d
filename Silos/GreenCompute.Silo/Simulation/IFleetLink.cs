using System.Collections.Immutable;
using GreenCompute.Grains.Messaging;
using GreenCompute.Grains.Nodes;
using GreenCompute.Grains.Scheduling;

namespace GreenCompute.Silo.Simulation;

/// <summary>
/// How the simulated agents and feeds reach the silo's grains and back: by direct calls (<see cref="InProcessFleetLink"/>)
/// or over MQTT (<see cref="Mqtt.MqttFleetLink"/>). Every method returns only once the silo has applied what was sent, so
/// the simulation stays deterministic on either path.
/// </summary>
internal interface IFleetLink : IAsyncDisposable
{
    /// <summary>Where the grains send node commands.</summary>
    INodeCommandSink Commands { get; }

    /// <summary>One line for the console: which path, which broker.</summary>
    string Description { get; }

    /// <summary>Connects the agents and feeds once the grains are registered.</summary>
    Task StartAsync(IReadOnlyList<string> nodeIds, DateTimeOffset now);

    /// <summary>The day-ahead curve and each site's forecast, applied to the scheduler.</summary>
    Task FeedMarketAsync(PriceCurve prices, IReadOnlyList<OutdoorForecast> forecasts);

    /// <summary>One telemetry report per node, applied to the node grains; returns how many were rejected.</summary>
    Task<int> ReportTelemetryAsync(IReadOnlyList<NodeTelemetry> reports);

    /// <summary>Task events (one node's events in order), applied to the scheduler.</summary>
    Task ReportTaskEventsAsync(ImmutableArray<TaskEvent> events);

    /// <summary>
    /// Devices' signed receipts (one node's in order), checked and applied to the ledger grain; returns how many were
    /// refused (by the ingest's checks or by the ledger).
    /// </summary>
    Task<int> SubmitReceiptsAsync(IReadOnlyList<ReceiptPayload> receipts);

    /// <summary>Every command the grains have sent so far and the agents not yet taken, per node in sending order.</summary>
    Task<IReadOnlyList<NodeCommand>> TakeCommandsAsync();
}
