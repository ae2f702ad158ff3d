using GreenCompute.Core.Units;

namespace GreenCompute.Core.Planning;

/// <summary>One slot of a node's power plan: the heat to deliver, the room temperature expected, and why.</summary>
public readonly record struct PlannedSlot(Watts Power, Celsius PredictedTemperature, EurPerMwh Price, Reason Reason);
