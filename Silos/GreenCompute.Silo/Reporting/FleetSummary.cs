using GreenCompute.Core.Units;

namespace GreenCompute.Silo.Reporting;

/// <summary>One look at the whole fleet: what the live screen and the final report show.</summary>
internal sealed record FleetSummary
{
    public required DateTimeOffset SimulatedTime { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required TimeSpan WallClock { get; init; }
    public required int Rooms { get; init; }
    public required int RoomsInBand { get; init; }
    public required int Computing { get; init; }
    public required int HeatOnly { get; init; }
    public required int Idle { get; init; }
    public required int Offline { get; init; }
    public required int JobsSubmitted { get; init; }
    public required int JobsRejected { get; init; }
    public required int TasksDone { get; init; }
    public required int TasksRunning { get; init; }
    public required int TasksWaiting { get; init; }
    public required int TasksFailed { get; init; }
    public required int DeadlinesMissed { get; init; }
    public required WattHours Energy { get; init; }
    public required WattHours UsefulHeat { get; init; }
    public required Eur Cost { get; init; }
    public required Eur ThermostatCost { get; init; }
    public required KelvinHours ThermostatViolation { get; init; }
    public required KelvinHours ThermostatTooCold { get; init; }
    public required CoreSeconds Work { get; init; }
    public required KelvinHours ComfortViolation { get; init; }

    /// <summary>The part of <see cref="ComfortViolation"/> below the band (the rest is above it).</summary>
    public required KelvinHours TooCold { get; init; }
    public required EurPerMwh CurrentPrice { get; init; }
    public required Celsius OutdoorTemperature { get; init; }
    public required IReadOnlyList<string> RecentReasons { get; init; }

    public double UsefulHeatFraction => Energy.Value > 0 ? UsefulHeat / Energy : 0;

    public Eur CostPerCoreHour => Work.CoreHours > 0 ? Cost / Work.CoreHours : Eur.Zero;
}
