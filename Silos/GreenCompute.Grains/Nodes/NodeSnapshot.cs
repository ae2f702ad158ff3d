using System.Collections.Immutable;
using GreenCompute.Core.Comfort;
using GreenCompute.Core.Model;
using GreenCompute.Core.Planning;
using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Nodes;

/// <summary>A node as the dashboard and the scheduler see it now.</summary>
public sealed record NodeSnapshot(
    string NodeId,
    string SiteId,
    string RoomId,
    string RoomName,
    HeaterSpec Heater,
    bool Online,
    DateTimeOffset? LastSeen,
    Celsius? RoomTemperature,
    ComfortBand? Band,
    Watts Power,
    WattHours EnergyCounter,
    WattHours UsefulHeat,
    ImmutableArray<string> RunningTasks,
    HeaterMode Mode,
    string Reason,
    RoomModelEstimate Model,
    double SensorOffsetKelvinPerKilowatt,
    PowerPlan? Plan,
    long RejectedTelemetry,
    string? LastRejection = null);
