using GreenCompute.Core.Units;

namespace GreenCompute.Simulation.Devices;

/// <summary>A task on a simulated heater: its work, how much is done and whether it is paused.</summary>
public sealed record TaskProgress(
    string TaskId, int Cores, CoreSeconds Work, CoreSeconds Done, bool Paused, DateTimeOffset StartedAt)
{
    /// <summary>Done ÷ work, 0..1.</summary>
    public double Fraction => Work.Value <= 0 ? 1 : Math.Clamp(Done / Work, 0, 1);
}
