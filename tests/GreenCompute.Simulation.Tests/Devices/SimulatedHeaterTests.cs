using GreenCompute.Core.Units;
using GreenCompute.Simulation.Devices;

namespace GreenCompute.Simulation.Tests.Devices;

public sealed class SimulatedHeaterTests
{
    private static readonly DateTimeOffset T0 = new(2017, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Power_QuarterOfTheCoresBusy_FollowsTheLinearModel()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);

        Assert.Equal(CommandOutcome.Accepted, heater.StartTask("t1", new CoreSeconds(1e6), 4, T0));

        Assert.Equal(80 + (920 * 0.25), heater.Power.Value, 9);
        Assert.Equal(0.25, heater.Utilisation, 9);
        Assert.Equal(HeaterState.Computing, heater.State);
    }

    [Fact]
    public void Power_Modes_IdleHeatOnlyAndOff()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        Assert.Equal(new Watts(80), heater.Power);
        Assert.Equal(HeaterState.Idle, heater.State);

        heater.SetPowerCap(new Watts(600), heatWanted: true);
        Assert.Equal(600, heater.Power.Value, 9);
        Assert.Equal(HeaterState.HeatOnly, heater.State);

        heater.SetPowerCap(new Watts(5000), heatWanted: true);
        Assert.Equal(new Watts(1000), heater.Power);

        heater.SetPowerCap(new Watts(50), heatWanted: true);
        Assert.Equal(Watts.Zero, heater.Power);
        Assert.Equal(HeaterState.Off, heater.State);
    }

    [Fact]
    public void Advance_TaskOfSixHundredCoreSeconds_CompletesAfterThreeHundredSecondsOnTwoCores()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.StartTask("t1", new CoreSeconds(600), 2, T0);
        var completions = new List<TaskCompletion>();

        for (var i = 0; i < 4; i++)
        {
            heater.Advance(T0.AddMinutes(i), TimeSpan.FromMinutes(1), "n", completions);
        }

        Assert.Empty(completions);
        Assert.Equal(480, heater.WorkCounter.Value, 6);
        heater.Advance(T0.AddMinutes(4), TimeSpan.FromMinutes(1), "n", completions);
        var done = Assert.Single(completions);
        Assert.Equal("t1", done.TaskId);
        Assert.Equal(T0.AddSeconds(300), done.CompletedAt);
        Assert.Equal(TimeSpan.FromSeconds(300), done.Elapsed);
        Assert.Equal(600, heater.WorkCounter.Value, 6);
        Assert.Empty(heater.RunningTaskIds);
    }

    [Fact]
    public void Advance_MoreTasksThanCores_RunsTheFirstOnesAtFullSpeedAndQueuesTheRest()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(CommandOutcome.Accepted, heater.StartTask($"t{i}", new CoreSeconds(60), 1, T0));
        }

        var completions = new List<TaskCompletion>();
        heater.Advance(T0, TimeSpan.FromSeconds(90), "n", completions);

        // The first 16 finish at 60 s on whole cores (time-shared they would all end at 75 s); the last 4 start then.
        Assert.Equal([.. Enumerable.Range(0, 16).Select(i => $"t{i}")], completions.Select(c => c.TaskId).ToArray());
        Assert.All(completions, c => Assert.Equal(T0.AddSeconds(60), c.CompletedAt));
        Assert.Equal(4 * 30, heater.Tasks.Sum(t => t.Done.Value), 6);
        heater.Advance(T0.AddSeconds(90), TimeSpan.FromSeconds(60), "n", completions);
        Assert.Equal(20, completions.Count);
        Assert.All(completions.Skip(16), c => Assert.Equal(T0.AddSeconds(120), c.CompletedAt));
    }

    [Fact]
    public void Advance_WaitingTasks_TakeAFreedCoreEarliestDeadlineFirstAndRunningOnesKeepTheirs()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.StartTask("long", new CoreSeconds(15 * 1000), 15, T0, T0.AddHours(9));
        heater.StartTask("first", new CoreSeconds(100), 1, T0, T0.AddHours(8));
        heater.StartTask("late", new CoreSeconds(100), 1, T0, T0.AddHours(5));
        heater.StartTask("urgent", new CoreSeconds(100), 1, T0, T0.AddHours(1));
        var completions = new List<TaskCompletion>();

        heater.Advance(T0, TimeSpan.FromSeconds(350), "n", completions);

        // "first" took the free core when it came; later, earlier deadlines wait for it, not for "long".
        Assert.Equal(["first", "urgent", "late"], completions.Select(c => c.TaskId).ToArray());
        Assert.Equal([T0.AddSeconds(100), T0.AddSeconds(200), T0.AddSeconds(300)], completions.Select(c => c.CompletedAt).ToArray());
    }

    [Fact]
    public void Advance_PowerCapForFourCores_RunsFourTasksAtFullSpeedNotEightAtHalf()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.SetPowerCap(HeaterModels.Large1000.PowerAt(4.0 / 16), heatWanted: false);
        for (var i = 0; i < 8; i++)
        {
            heater.StartTask($"t{i}", new CoreSeconds(100), 1, T0);
        }

        var completions = new List<TaskCompletion>();
        heater.Advance(T0, TimeSpan.FromSeconds(250), "n", completions);

        Assert.Equal(["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"], completions.Select(c => c.TaskId).ToArray());
        Assert.All(completions.Take(4), c => Assert.Equal(T0.AddSeconds(100), c.CompletedAt));
        Assert.All(completions.Skip(4), c => Assert.Equal(T0.AddSeconds(200), c.CompletedAt));
    }

    [Fact]
    public void Advance_TaskWiderThanTheCap_RunsSlowedRatherThanWaitingForever()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.SetPowerCap(HeaterModels.Large1000.PowerAt(0.5), heatWanted: false);
        heater.StartTask("wide", new CoreSeconds(16 * 100), 16, T0);
        var completions = new List<TaskCompletion>();

        heater.Advance(T0, TimeSpan.FromSeconds(300), "n", completions);

        Assert.Equal(T0.AddSeconds(200), Assert.Single(completions).CompletedAt);
    }

    [Fact]
    public void Advance_TaskEndsMidStep_EnergySplitsAtTheCompletion()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.StartTask("t1", new CoreSeconds(16 * 20), 16, T0);
        var completions = new List<TaskCompletion>();

        var energy = heater.Advance(T0, TimeSpan.FromMinutes(1), "n", completions);

        // 20 s at 1000 W, then 40 s idle at 80 W.
        Assert.Equal(((1000 * 20) + (80 * 40)) / 3600.0, energy.Value, 9);
        Assert.Equal(T0.AddSeconds(20), Assert.Single(completions).CompletedAt);
    }

    [Fact]
    public void Cap_BelowTaskDemand_LimitsPowerAndSlowsTheTask()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.StartTask("t1", new CoreSeconds(16 * 100), 16, T0);
        heater.SetPowerCap(new Watts(540), heatWanted: false);
        var completions = new List<TaskCompletion>();

        Assert.Equal(540, heater.Power.Value, 9);
        Assert.Equal(0.5, heater.TaskUtilisation, 9);
        heater.Advance(T0, TimeSpan.FromMinutes(5), "n", completions);

        Assert.Equal(TimeSpan.FromSeconds(200), Assert.Single(completions).Elapsed);
    }

    [Fact]
    public void Advance_HeatWantedWithLightTask_FillsToTheCapAndRunsTaskAtFullSpeed()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.StartTask("t1", new CoreSeconds(1e6), 1, T0);
        heater.SetPowerCap(new Watts(1000), heatWanted: true);

        heater.Advance(T0, TimeSpan.FromHours(1), "n", []);

        Assert.Equal(1000, heater.EnergyCounter.Value, 6);
        Assert.Equal(3600, heater.WorkCounter.Value, 6);
        Assert.Equal(1.0 / 16, heater.TaskUtilisation, 9);
    }

    [Fact]
    public void Advance_OversubscribedCores_RunOneAfterTheOther()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.StartTask("a", new CoreSeconds(16 * 100), 16, T0);
        heater.StartTask("b", new CoreSeconds(16 * 100), 16, T0);
        var completions = new List<TaskCompletion>();

        heater.Advance(T0, TimeSpan.FromMinutes(10), "n", completions);

        Assert.Equal(["a", "b"], completions.Select(c => c.TaskId).ToArray());
        Assert.Equal(T0.AddSeconds(100), completions[0].CompletedAt);
        Assert.Equal(T0.AddSeconds(200), completions[1].CompletedAt);
    }

    [Fact]
    public void EnergyCounter_ChangingCommands_IsMonotonicAndEqualsPowerTimesTime()
    {
        var heater = new SimulatedHeater(HeaterModels.Standard500);
        var random = new Random(5);
        var expected = 0.0;
        var previous = heater.EnergyCounter;

        for (var i = 0; i < 500; i++)
        {
            heater.SetPowerCap(new Watts(random.NextDouble() * 600), heatWanted: random.Next(2) == 0);
            var power = heater.Power.Value;
            heater.Advance(T0.AddMinutes(i), TimeSpan.FromMinutes(1), "n", []);
            expected += power / 60;
            Assert.True(heater.EnergyCounter >= previous);
            previous = heater.EnergyCounter;
        }

        Assert.Equal(expected, heater.EnergyCounter.Value, 6);
    }

    [Fact]
    public void PauseAndResume_StopAndRestartProgress()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.StartTask("t1", new CoreSeconds(1000), 1, T0);
        heater.Advance(T0, TimeSpan.FromSeconds(100), "n", []);

        Assert.Equal(CommandOutcome.Accepted, heater.Pause("t1"));
        heater.Advance(T0.AddSeconds(100), TimeSpan.FromSeconds(100), "n", []);
        Assert.Equal(100, heater.Tasks[0].Done.Value, 9);
        Assert.Equal(new[] { "t1" }, heater.PausedTaskIds);
        Assert.Equal(HeaterState.Idle, heater.State);

        Assert.Equal(CommandOutcome.Accepted, heater.Resume("t1"));
        heater.Advance(T0.AddSeconds(200), TimeSpan.FromSeconds(100), "n", []);
        Assert.Equal(200, heater.Tasks[0].Done.Value, 9);
    }

    [Fact]
    public void Commands_BadArguments_AreRejectedWithAReason()
    {
        var heater = new SimulatedHeater(HeaterModels.Standard500);
        heater.StartTask("t1", new CoreSeconds(10), 1, T0);

        Assert.Equal(CommandOutcome.DuplicateTask, heater.StartTask("t1", new CoreSeconds(10), 1, T0));
        Assert.Equal(CommandOutcome.Invalid, heater.StartTask("t2", new CoreSeconds(10), 9, T0));
        Assert.Equal(CommandOutcome.Invalid, heater.StartTask("t3", CoreSeconds.Zero, 1, T0));
        Assert.Equal(CommandOutcome.Invalid, heater.SetPowerCap(new Watts(-1), false));
        Assert.Equal(CommandOutcome.UnknownTask, heater.Cancel("nope"));
        Assert.Equal(CommandOutcome.Accepted, heater.Cancel("t1"));
        Assert.Empty(heater.Tasks);
    }

    [Fact]
    public void Offline_StopsHeatProgressAndCommands()
    {
        var heater = new SimulatedHeater(HeaterModels.Large1000);
        heater.StartTask("t1", new CoreSeconds(1e6), 16, T0);
        heater.SetOnline(false);

        var energy = heater.Advance(T0, TimeSpan.FromHours(1), "n", []);

        Assert.Equal(WattHours.Zero, energy);
        Assert.Equal(CoreSeconds.Zero, heater.WorkCounter);
        Assert.Equal(HeaterState.Offline, heater.State);
        Assert.Equal(CommandOutcome.NodeOffline, heater.SetPowerCap(new Watts(500), true));
        heater.SetOnline(true);
        heater.Advance(T0.AddHours(1), TimeSpan.FromSeconds(10), "n", []);
        Assert.Equal(160, heater.WorkCounter.Value, 6);
    }
}
