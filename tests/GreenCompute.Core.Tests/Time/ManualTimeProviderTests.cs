using GreenCompute.Core.Time;

namespace GreenCompute.Core.Tests.Time;

public class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_PeriodicTimer_FiresOncePerPeriodAtItsDueTimes()
    {
        var clock = new ManualTimeProvider(Start);
        var firedAt = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));

        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(3), Start.AddMinutes(5)], firedAt);
        Assert.Equal(Start.AddMinutes(6), clock.GetUtcNow());
    }

    [Fact]
    public void Advance_TwoTimers_FireInDueTimeOrder()
    {
        var clock = new ManualTimeProvider(Start);
        var order = new List<string>();
        using var late = clock.CreateTimer(_ => order.Add("late"), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => order.Add("early"), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["early", "late"], order);
    }

    [Fact]
    public void Dispose_Timer_NeverFiresAgain()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(2));
        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(2, fired);
    }

    [Fact]
    public void Change_FromInsideCallback_Reschedules()
    {
        var clock = new ManualTimeProvider(Start);
        var fired = new List<DateTimeOffset>();
        ITimer? timer = null;
        timer = clock.CreateTimer(
            _ =>
            {
                fired.Add(clock.GetUtcNow());
                timer!.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(12));
        timer.Dispose();

        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(6), Start.AddSeconds(11)], fired);
    }

    [Fact]
    public void Advance_Negative_Throws()
    {
        var clock = new ManualTimeProvider(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }
}
