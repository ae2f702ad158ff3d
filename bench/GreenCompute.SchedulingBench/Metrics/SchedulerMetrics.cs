namespace GreenCompute.SchedulingBench.Metrics;

/// <summary>
/// One scheduler's results on one run (all rooms together). Energy in kWh, money in EUR, comfort in K·h summed over
/// rooms, times in wall-clock seconds or milliseconds.
/// </summary>
internal sealed record SchedulerMetrics
{
    public required string Scheduler { get; init; }

    /// <summary>K·h outside the band (below the minimum plus above the maximum), every room (BOPTEST tdis).</summary>
    public double ComfortViolation { get; init; }

    public double TooCold { get; init; }

    public double TooHot { get; init; }

    /// <summary>RMS of (air − setpoint) over occupied hours, K; setpoint = band minimum + 0.5 K.</summary>
    public double RmsDeviation { get; init; }

    public double EnergyKwh { get; init; }

    /// <summary>Energy delivered while the room was below its band maximum (the silo's definition of useful heat).</summary>
    public double UsefulKwh { get; init; }

    /// <summary>Energy not drawn by tasks: heat-only filler, and idle power while no task ran.</summary>
    public double UnpaidKwh { get; init; }

    public double CostEur { get; init; }

    public double CoreHours { get; init; }

    public int Jobs { get; init; }

    public int JobsMissed { get; init; }

    public int JobsUnfinished { get; init; }

    public double MissRate { get; init; }

    public double P95BoundedSlowdown { get; init; }

    /// <summary>Policy wall time per 15 simulated minutes (one planning round), ms.</summary>
    public double PlanningMsPerRound { get; init; }

    /// <summary>Wall time of the whole run (simulation and policy), s.</summary>
    public double WallSeconds { get; init; }

    /// <summary>A free-text remark (e.g. the oracle's LP statistics).</summary>
    public string? Note { get; init; }

    public double UsefulFraction => EnergyKwh > 0 ? UsefulKwh / EnergyKwh : 0;

    public double UnpaidFraction => EnergyKwh > 0 ? UnpaidKwh / EnergyKwh : 0;

    /// <summary>EUR per core-hour delivered to tasks.</summary>
    public double CostPerCoreHour => CoreHours > 0 ? CostEur / CoreHours : double.NaN;

    /// <summary>EUR per kWh of useful heat.</summary>
    public double CostPerUsefulKwh => UsefulKwh > 0 ? CostEur / UsefulKwh : double.NaN;
}
