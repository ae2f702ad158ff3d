using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Tests.Topics;

public sealed class TopicFilterTests
{
    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("sport/#")]
    [InlineData("sport/tennis/+")]
    [InlineData("+/tennis/#")]
    [InlineData("sport/+/player1")]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("+/+")]
    [InlineData("/+")]
    [InlineData("$SYS/#")]
    [InlineData("a b/ü")]
    [InlineData("$share/group/sport/#")]
    [InlineData("$share/g/+")]
    [InlineData("$shared/x")] // not the share prefix: an ordinary filter
    public void IsValid_SpecExamples_AreValid(string filter)
    {
        Assert.True(TopicFilter.IsValid(filter));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sport/tennis#")]
    [InlineData("sport/#/ranking")]
    [InlineData("sport+")]
    [InlineData("+a")]
    [InlineData("a/#b")]
    [InlineData("##")]
    [InlineData("a\0b")]
    [InlineData("$share/g")]
    [InlineData("$share/g/")]
    [InlineData("$share//a")]
    [InlineData("$share/g+/a")]
    [InlineData("$share/g#/a")]
    [InlineData("$share/g/a#")]
    public void IsValid_BadWildcardsOrShares_AreInvalid(string filter)
    {
        Assert.False(TopicFilter.IsValid(filter));
    }

    [Theory]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1")]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking")]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon")]
    [InlineData("sport/#", "sport")]
    [InlineData("#", "sport/tennis")]
    [InlineData("sport/tennis/+", "sport/tennis/player1")]
    [InlineData("sport/+", "sport/")]
    [InlineData("+/+", "/finance")]
    [InlineData("/+", "/finance")]
    [InlineData("+", "finance")]
    [InlineData("+/tennis/#", "sport/tennis/player1")]
    [InlineData("$SYS/#", "$SYS/monitor/Clients")]
    [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients")]
    [InlineData("a//b", "a//b")]
    [InlineData("a/+/b", "a//b")]
    [InlineData("$share/group/sport/#", "sport/tennis")]
    public void Matches_SpecExamples_Match(string filter, string topic)
    {
        Assert.True(TopicFilter.Matches(filter, topic));
    }

    [Theory]
    [InlineData("sport/tennis/+", "sport/tennis/player1/ranking")]
    [InlineData("sport/+", "sport")]
    [InlineData("+", "/finance")]
    [InlineData("#", "$SYS/monitor/Clients")]
    [InlineData("+/monitor/Clients", "$SYS/monitor/Clients")]
    [InlineData("+", "$SYS")]
    [InlineData("ACCOUNTS", "Accounts")]
    [InlineData("a/b", "a/b/")]
    [InlineData("a/b/", "a/b")]
    [InlineData("a/b", "a")]
    [InlineData("$share/group/sport/#", "news")]
    public void Matches_SpecCounterExamples_DoNotMatch(string filter, string topic)
    {
        Assert.False(TopicFilter.Matches(filter, topic));
    }

    [Fact]
    public void TryParseShared_SharedFilter_SplitsNameAndFilter()
    {
        Assert.True(TopicFilter.TryParseShared("$share/consumers/heaters/+/power", out var shareName, out var filter));
        Assert.Equal(("consumers", "heaters/+/power"), (shareName, filter));
        Assert.False(TopicFilter.TryParseShared("heaters/+/power", out _, out _));
    }
}
