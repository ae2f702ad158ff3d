using GreenCompute.Core.Comfort;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Nodes;

namespace GreenCompute.Grains.History;

/// <summary>Records nothing: for hosts without a telemetry store.</summary>
public sealed class NullHistoryRecorder : IHistoryRecorder
{
    public static readonly NullHistoryRecorder Instance = new();

    public void RecordTelemetry(NodeTelemetry telemetry, string siteId, ComfortBand band, WattHours energy, WattHours usefulHeat)
    {
    }

    public void RecordDecision(NodeCommand command, string siteId)
    {
    }
}
