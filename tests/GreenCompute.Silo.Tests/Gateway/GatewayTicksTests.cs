using GreenCompute.Core.Time;
using GreenCompute.Silo.Gateway;

namespace GreenCompute.Silo.Tests.Gateway;

public sealed class GatewayTicksTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task WaitAfter_NoStepWithinTheHold_AnswersWithTheSameCount()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ticks = new GatewayTicks(time);
        ticks.Publish();

        var waiting = ticks.WaitAfterAsync(1, Hold, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        time.Advance(Hold);

        Assert.Equal(1, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task WaitAfter_BehindTheCount_AnswersAtOnce_AndAStepWakesAWaiter()
    {
        var ticks = new GatewayTicks(TimeProvider.System);
        ticks.Publish();
        ticks.Publish();

        Assert.Equal(2, await ticks.WaitAfterAsync(0, Hold, CancellationToken.None));
        var waiting = ticks.WaitAfterAsync(2, Hold, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        ticks.Publish();
        Assert.Equal(3, await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
