using GreenCompute.Core.Thermal;
using GreenCompute.Core.Units;

namespace GreenCompute.Grains.Nodes;

/// <summary>The node grain's persisted state (System.Text.Json).</summary>
public sealed class HeaterNodeState
{
    public NodeRegistration? Registration { get; set; }

    public NodeTelemetry? Last { get; set; }

    public RoomModelEstimatorState? Estimator { get; set; }

    public SensorOffsetState? SensorOffset { get; set; }

    /// <summary>Outdoor temperature the site reported for now: the estimator's input between plans.</summary>
    public double? OutdoorCelsius { get; set; }

    public double UsefulHeatWattHours { get; set; }

    public long RejectedTelemetry { get; set; }

    /// <summary>Why the latest refused report was refused, with its time (the installer's page shows it).</summary>
    public string? LastRejection { get; set; }

    public HeaterMode Mode { get; set; } = HeaterMode.Idle;

    public string Reason { get; set; } = "waiting for the first plan";

    public bool MarkedOffline { get; set; }

    public WattHours EnergyCounter => Last?.EnergyCounter ?? WattHours.Zero;
}
