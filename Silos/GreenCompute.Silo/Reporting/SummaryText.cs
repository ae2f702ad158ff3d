using System.Globalization;
using System.Text;

namespace GreenCompute.Silo.Reporting;

/// <summary>Formats a <see cref="FleetSummary"/> as the live one-screen view and as the final Markdown report.</summary>
internal static class SummaryText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Screen(FleetSummary s, string dataNotice)
    {
        var b = new StringBuilder();
        b.AppendLine(Inv, $"GreenCompute silo — simulated {s.SimulatedTime:yyyy-MM-dd HH:mm} UTC (+{s.Elapsed.TotalHours:0.0} h in {s.WallClock.TotalSeconds:0.0} s)");
        b.AppendLine(dataNotice);
        b.AppendLine(Inv, $"outdoor {s.OutdoorTemperature}   price now {s.CurrentPrice}");
        b.AppendLine();
        b.AppendLine(Inv, $"rooms in band     {s.RoomsInBand,5} / {s.Rooms}   comfort violation {s.ComfortViolation}");
        b.AppendLine(Inv, $"heaters           computing {s.Computing}   heat-only {s.HeatOnly}   idle {s.Idle}   offline {s.Offline}");
        b.AppendLine(Inv, $"jobs              submitted {s.JobsSubmitted}   rejected {s.JobsRejected}");
        b.AppendLine(Inv, $"tasks             done {s.TasksDone}   running {s.TasksRunning}   waiting {s.TasksWaiting}   failed {s.TasksFailed}   deadlines missed {s.DeadlinesMissed}");
        b.AppendLine(Inv, $"energy            {s.Energy}   useful heat {s.UsefulHeatFraction:P1}   work {s.Work.CoreHours:0.0} core-h");
        b.AppendLine(Inv, $"cost so far       {s.Cost}   (thermostat-only heating of the same rooms: {s.ThermostatCost})   {s.CostPerCoreHour.Value:0.0000} EUR/core-h");
        b.AppendLine();
        b.AppendLine("latest decisions:");
        foreach (var reason in s.RecentReasons)
        {
            b.AppendLine(Inv, $"  {reason}");
        }

        return b.ToString();
    }

    public static string Line(FleetSummary s) =>
        string.Create(Inv, $"{s.SimulatedTime:yyyy-MM-dd HH:mm} in-band {s.RoomsInBand}/{s.Rooms} computing {s.Computing} heat-only {s.HeatOnly} idle {s.Idle} offline {s.Offline} | tasks done {s.TasksDone} running {s.TasksRunning} waiting {s.TasksWaiting} | {s.Energy} cost {s.Cost}");

    public static string Report(FleetSummary s, string dataNotice, string settings, bool syntheticData)
    {
        var b = new StringBuilder();
        b.AppendLine("# GreenCompute silo run report");
        b.AppendLine();
        b.AppendLine(Inv, $"Simulated {s.Elapsed.TotalHours:0.#} h up to {s.SimulatedTime:yyyy-MM-dd HH:mm} UTC in {s.WallClock.TotalSeconds:0.0} s of wall time.");
        b.AppendLine();
        b.AppendLine(dataNotice);
        b.AppendLine();
        b.AppendLine(Inv, $"Settings: {settings}");
        b.AppendLine();
        b.AppendLine("| metric | value |");
        b.AppendLine("|---|---|");
        b.AppendLine(Inv, $"| rooms in band at the end | {s.RoomsInBand} / {s.Rooms} |");
        b.AppendLine(Inv, $"| comfort violation (K·h outside the band, all rooms) | {s.ComfortViolation.Value:0.##} (below the band {s.TooCold.Value:0.##}, above {s.ComfortViolation.Value - s.TooCold.Value:0.##}) |");
        b.AppendLine(Inv, $"| electricity = heat delivered | {s.Energy.KilowattHours:0.##} kWh |");
        b.AppendLine(Inv, $"| useful-heat fraction | {s.UsefulHeatFraction:P1} |");
        b.AppendLine(Inv, $"| electricity cost | {s.Cost.Value:0.00} EUR |");
        b.AppendLine(Inv, $"| same rooms on a plain thermostat, no computing: cost | {s.ThermostatCost.Value:0.00} EUR |");
        b.AppendLine(Inv, $"| same rooms on a plain thermostat: comfort violation (K·h) | {s.ThermostatViolation.Value:0.##} (below the band {s.ThermostatTooCold.Value:0.##}, above {s.ThermostatViolation.Value - s.ThermostatTooCold.Value:0.##}) |");
        b.AppendLine(Inv, $"| paid work | {s.Work.CoreHours:0.#} core-h |");
        b.AppendLine(Inv, $"| cost per core-hour | {s.CostPerCoreHour.Value:0.0000} EUR |");
        b.AppendLine(Inv, $"| jobs submitted / rejected | {s.JobsSubmitted} / {s.JobsRejected} |");
        b.AppendLine(Inv, $"| tasks done / running / waiting / failed | {s.TasksDone} / {s.TasksRunning} / {s.TasksWaiting} / {s.TasksFailed} |");
        b.AppendLine(Inv, $"| deadlines missed (tasks) | {s.DeadlinesMissed} |");
        b.AppendLine(Inv, $"| heaters at the end: computing / heat-only / idle / offline | {s.Computing} / {s.HeatOnly} / {s.Idle} / {s.Offline} |");
        b.AppendLine();
        b.AppendLine("Latest scheduler decisions:");
        b.AppendLine();
        foreach (var reason in s.RecentReasons)
        {
            b.AppendLine(Inv, $"- {reason}");
        }

        if (syntheticData)
        {
            return b.ToString();
        }

        b.AppendLine();
        b.AppendLine("Data credits: day-ahead prices from the EPF benchmark (Lago et al., Applied Energy 2021); weather from NREL NSRDB and PVGIS (© European Union / JRC) via pvlib-python; jobs from the NASA Ames iPSC/860 trace, Parallel Workloads Archive (thanks to Bill Nitzberg and the archive).");
        return b.ToString();
    }
}
