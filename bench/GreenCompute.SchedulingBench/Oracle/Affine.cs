namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>An affine function of a room's mass temperature at an hour's start and its power: Start·T_m + Power·P + Free.</summary>
internal readonly record struct Affine(double Start, double Power, double Free);
