using GreenCompute.Core.Comfort;
using GreenCompute.Core.Units;
using GreenCompute.Grains.Nodes;

namespace GreenCompute.Grains.History;

/// <summary>
/// Where grains send what the dashboard will chart: every accepted telemetry report and every decision. Implementations
/// queue and return at once (a grain's turn must not wait for a database).
/// </summary>
public interface IHistoryRecorder
{
    /// <param name="telemetry">The accepted report.</param>
    /// <param name="siteId">The node's site.</param>
    /// <param name="band">The comfort band at the report's time.</param>
    /// <param name="energy">Electricity (= heat) since the previous report.</param>
    /// <param name="usefulHeat">The part of <paramref name="energy"/> delivered while the room wanted heat.</param>
    void RecordTelemetry(NodeTelemetry telemetry, string siteId, ComfortBand band, WattHours energy, WattHours usefulHeat);

    void RecordDecision(NodeCommand command, string siteId);
}
