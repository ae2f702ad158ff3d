namespace GreenCompute.Core.Work.Cores;

/// <summary>
/// A task asking for cores on one heater: how many, and its deadline (<see cref="DateTimeOffset.MaxValue"/> when it has
/// none, so it goes after every task that has one).
/// </summary>
public readonly record struct CoreClaim(string Id, int Cores, DateTimeOffset Deadline);
