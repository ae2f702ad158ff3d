namespace GreenCompute.Grains.Scheduling;

/// <summary>What one planning round did.</summary>
public sealed record RoundReport(DateTimeOffset Time, int NodesPlanned, int NodesOffline, int InfeasiblePlans, int TasksStarted, int TasksPaused, TimeSpan Duration);
