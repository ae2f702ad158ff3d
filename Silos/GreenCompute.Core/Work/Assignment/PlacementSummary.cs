namespace GreenCompute.Core.Work.Assignment;

/// <summary>What a task's tentative placement says about now: enough for its decision and its reason.</summary>
/// <param name="RunsNow">It has work in the current slot.</param>
/// <param name="NodeNow">The node of that work, or -1.</param>
/// <param name="ForcedNow">Some of that work is above the plan: a deadline forces it.</param>
/// <param name="FirstPlanned">Start of its earliest slot riding on planned heat.</param>
/// <param name="FirstPlannedPrice">Price of that slot, EUR/MWh.</param>
/// <param name="FirstForced">Start of its earliest slot above the plan.</param>
/// <param name="CapacityNow">Some planned capacity was free now when its turn came.</param>
/// <param name="OwnOffered">A running task's own node had planned capacity for it now.</param>
/// <param name="PriceBlocked">Capacity was there but above the job's price cap.</param>
/// <param name="PriceBlockedNow">Planned capacity was free now but above the job's price cap.</param>
/// <param name="HeatInWindow">Some node had planned heat before its deadline (before any task took from it).</param>
internal readonly record struct PlacementSummary(
    bool RunsNow,
    int NodeNow,
    bool ForcedNow,
    DateTimeOffset? FirstPlanned,
    double FirstPlannedPrice,
    DateTimeOffset? FirstForced,
    bool CapacityNow,
    bool OwnOffered,
    bool PriceBlocked,
    bool PriceBlockedNow,
    bool HeatInWindow);
