using GreenCompute.Mqtt.Topics;

namespace GreenCompute.Mqtt.Tests.Topics;

public sealed class TopicNameTests
{
    [Theory]
    [InlineData("a/b", true)]
    [InlineData("/", true)]
    [InlineData("$SYS/broker", true)]
    [InlineData("heaters/7/power w", true)]
    [InlineData("", false)]
    [InlineData("a/+", false)]
    [InlineData("#", false)]
    [InlineData("a\0", false)]
    public void IsValid_TopicNames_FollowSpec(string topic, bool expected)
    {
        Assert.Equal(expected, TopicName.IsValid(topic));
    }

    [Fact]
    public void IsValid_Over65535Bytes_IsInvalid()
    {
        Assert.True(TopicName.IsValid(new string('a', 65_535)));
        Assert.False(TopicName.IsValid(new string('a', 65_536)));
    }
}
