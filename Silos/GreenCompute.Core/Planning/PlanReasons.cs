namespace GreenCompute.Core.Planning;

/// <summary>The fixed-text reasons of power plans and thermostat decisions, allocated once and shared.</summary>
internal static class PlanReasons
{
    public static readonly Reason Coasting = new(ReasonCode.SetpointReached, "room above band minimum: coasting");
    public static readonly Reason SetpointReached = new(ReasonCode.SetpointReached, "setpoint reached");
    public static readonly Reason NoHeatNeeded = new(ReasonCode.SetpointReached, "no heat needed: room stays in band unheated");
    public static readonly Reason AboveBand = new(ReasonCode.SetpointReached, "room above band maximum: heater off");
    public static readonly Reason PriceAbovePlan = new(ReasonCode.PriceAboveplanCoasting, "price above plan, coasting on stored heat");
    public static readonly Reason BelowBand = new(ReasonCode.BelowBand, "below band: heating");
    public static readonly Reason BelowSetpoint = new(ReasonCode.BelowBand, "below setpoint: heating");
    public static readonly Reason HoldingMinimum = new(ReasonCode.PlannedHeat, "heating to hold the band minimum");
    public static readonly Reason LowPrice = new(ReasonCode.PlannedHeat, "planned heat at low price");
    public static readonly Reason HeaterAtMaximum = new(ReasonCode.Infeasible, "band cannot be held: heater at maximum");
    public static readonly Reason CapAtMaximum = new(ReasonCode.Infeasible, "band cannot be held: heater at its power cap");
    public static readonly Reason PowerCapped = new(ReasonCode.PowerCapped, "heating, limited by the power cap");
}
