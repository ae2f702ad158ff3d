namespace GreenCompute.SchedulingBench.Oracle;

/// <summary>A room's hourly power over a window (kW), its energy cost and comfort penalty (EUR), and the core-hours it carries.</summary>
internal sealed record RoomPlan(double[] PowerKw, double EnergyCost, double Penalty, double[] CoreHours)
{
    public double Cost => EnergyCost + Penalty;
}
