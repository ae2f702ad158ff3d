using GreenCompute.Mqtt.Broker;

namespace GreenCompute.Mqtt.Tests.Broker;

public class SubscriptionIndexTests
{
    [Theory]
    [InlineData("a/b/c", "a/b/c", true)]
    [InlineData("a/+/c", "a/b/c", true)]
    [InlineData("a/#", "a/b/c", true)]
    [InlineData("a/#", "a", true)] // '#' also matches the parent level
    [InlineData("#", "a/b", true)]
    [InlineData("+/+", "a/b", true)]
    [InlineData("a/+", "a/b/c", false)]
    [InlineData("a/b", "a/c", false)]
    [InlineData("a/b/c/d", "a/b/c", false)]
    [InlineData("gc/v1/nodes/n1/commands", "gc/v1/nodes/n2/commands", false)]
    public void Collect_FindsTheSessionExactlyWhenItsFilterCanMatch(string filter, string topic, bool found)
    {
        var index = new SubscriptionIndex();
        var session = new BrokerSession("c", 10);
        index.Add(session, filter);
        var into = new HashSet<BrokerSession>();

        index.Collect(topic, into);

        Assert.Equal(found, into.Contains(session));
    }

    [Fact]
    public void Remove_OneOfTwoFilters_TheOtherStillFindsTheSession_AndRemovingBothFindsNothing()
    {
        var index = new SubscriptionIndex();
        var session = new BrokerSession("c", 10);
        var other = new BrokerSession("d", 10);
        index.Add(session, "a/+");
        index.Add(session, "a/#");
        index.Add(other, "a/b");

        index.Remove(session, "a/+");
        Assert.Equal(new HashSet<BrokerSession> { session, other }, Collect(index, "a/b"));

        index.Remove(session, "a/#");
        index.Remove(other, "a/b");
        Assert.Empty(Collect(index, "a/b"));
        index.Remove(other, "never/added"); // unknown filters are ignored
    }

    [Fact]
    public void Collect_TenThousandDeviceSubscriptions_OnlyTheMatchingDevice()
    {
        var index = new SubscriptionIndex();
        var sessions = Enumerable.Range(0, 10_000).Select(i => new BrokerSession($"n{i}", 10)).ToArray();
        for (var i = 0; i < sessions.Length; i++)
        {
            index.Add(sessions[i], $"gc/v1/nodes/n{i}/commands");
        }

        Assert.Equal([sessions[42]], Collect(index, "gc/v1/nodes/n42/commands"));
        Assert.Empty(Collect(index, "gc/v1/nodes/n42/telemetry"));
    }

    private static HashSet<BrokerSession> Collect(SubscriptionIndex index, string topic)
    {
        var into = new HashSet<BrokerSession>();
        index.Collect(topic, into);
        return into;
    }
}
