using GreenCompute.Core.Comfort;

namespace GreenCompute.Grains.Nodes;

/// <summary>One comfort rule as plain data: on these days, from..until local time, hold min..max °C.</summary>
public sealed record ComfortRuleDefinition(ComfortDays Days, TimeOnly From, TimeOnly Until, double MinCelsius, double MaxCelsius);
