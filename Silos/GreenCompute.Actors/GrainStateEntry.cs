namespace GreenCompute.Actors;

/// <summary>A grain's stored state and the ETag that a later write or clear must present.</summary>
public sealed record GrainStateEntry<T>(T State, string ETag);
