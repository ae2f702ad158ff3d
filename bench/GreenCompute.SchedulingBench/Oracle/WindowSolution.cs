namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>
/// The optimum of one oracle window: power per room and hour (kW), the LP's objective (energy + comfort and deadline
/// penalties, EUR) and its Lagrangian lower bound, column-generation rounds, and the core-hours left unserved.
/// </summary>
internal sealed record WindowSolution(double[][] PowerKw, double Objective, double LowerBound, int Rounds, double Unserved, double EnergyCost);
