using System.Diagnostics;
using GreenCompute.SchedulingBench.Metrics;
using GreenCompute.Simulation.Fleet;

namespace GreenCompute.SchedulingBench.Simulation;

/// <summary>
/// Drives one policy over the window, directly on the simulated fleet (no grains): per step, submit due jobs, let the
/// policy command, advance the fleet, record completions and metrics. Deterministic for given inputs.
/// </summary>
internal static class BenchRunner
{
    public static RunResult Run(IPolicy policy, RunInputs inputs, int chartNode = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(inputs);
        var wall = Stopwatch.StartNew();
        var fleet = new SimulatedFleet(inputs.Fleet, inputs.Weather, inputs.Start);
        var book = new TaskBook(inputs.Jobs, fleet.Nodes.Count, policy.Order);
        var control = new FleetControl(fleet, book);
        var views = fleet.Nodes.Select((n, i) => new NodeView(i, n) { Temperature = fleet.RoomTemperature(n.NodeId) }).ToArray();
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chartNode, views.Length);
        var context = new StepContext(inputs, views, control);
        var recorder = new MetricsRecorder(inputs.Comfort);
        var energy = new double[views.Length];
        var work = new double[views.Length];
        var trace = new List<TracePoint>();
        var chartEnergy = 0.0;
        var policyTicks = 0L;
        var rounds = 0;
        var dt = inputs.Step;
        var stepsPerRound = Math.Max(1, (int)Math.Round(RunInputs.Round / dt));
        var step = 0;

        for (var now = inputs.Start; now < inputs.End; now += dt, step++)
        {
            book.Release(now);
            context.Now = now;
            context.IsRound = step % stepsPerRound == 0;
            rounds += context.IsRound ? 1 : 0;
            var started = Stopwatch.GetTimestamp();
            policy.Step(context);
            policyTicks += Stopwatch.GetTimestamp() - started;

            control.Completed(fleet.Step(dt));
            var price = inputs.Prices.Actual(now).Value;
            var telemetry = fleet.ReadTelemetry();
            for (var i = 0; i < telemetry.Count; i++)
            {
                var t = telemetry[i];
                var view = i < views.Length && views[i].Id == t.NodeId ? views[i] : views[Index(t.NodeId, views)];
                var stepEnergy = t.EnergyCounter.Value - energy[view.Index];
                var stepWork = t.WorkCounter.Value - work[view.Index];
                energy[view.Index] = t.EnergyCounter.Value;
                work[view.Index] = t.WorkCounter.Value;
                recorder.Record(now, dt, view.Heater, view.Temperature.Value, t.RoomTemperature.Value, stepEnergy, stepWork, price);
                view.Temperature = t.RoomTemperature;
                view.Power = new(stepEnergy / dt.TotalHours);
                if (view.Index == chartNode)
                {
                    chartEnergy += stepEnergy;
                }
            }

            if ((step + 1) % stepsPerRound == 0)
            {
                var band = inputs.Comfort.BandAt(now + dt);
                var chart = views[chartNode];
                trace.Add(new TracePoint(now + dt, chart.Temperature.Value, band.Min.Value, band.Max.Value, chartEnergy / RunInputs.Round.TotalHours, price));
                chartEnergy = 0;
            }
        }

        var jobs = JobStatistics.Summarize(
            book.Jobs.Select(j => new JobStatistics.JobOutcome(j.Arrival.SubmitAt, j.Arrival.Deadline, j.Arrival.Runtime, j.FinishedAt)),
            inputs.End);
        var metrics = recorder.Metrics(policy.Name) with
        {
            Jobs = jobs.Counted,
            JobsMissed = jobs.Missed,
            JobsUnfinished = jobs.Unfinished,
            MissRate = jobs.MissRate,
            P95BoundedSlowdown = jobs.P95BoundedSlowdown,
            PlanningMsPerRound = rounds == 0 ? 0 : Stopwatch.GetElapsedTime(0, policyTicks).TotalMilliseconds / rounds,
            WallSeconds = wall.Elapsed.TotalSeconds,
            Note = (policy as INoted)?.Note,
        };
        return new RunResult(metrics, trace);
    }

    private static int Index(string nodeId, NodeView[] views)
    {
        // Telemetry comes in fleet order; this lookup only runs if that order ever changes.
        for (var i = 0; i < views.Length; i++)
        {
            if (views[i].Id == nodeId)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Telemetry from unknown node {nodeId}.");
    }
}
