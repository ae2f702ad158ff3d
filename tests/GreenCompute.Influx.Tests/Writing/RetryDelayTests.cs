using GreenCompute.Influx.Writing;

namespace GreenCompute.Influx.Tests.Writing;

public sealed class RetryDelayTests
{
    private static readonly InfluxWriterOptions Options = new()
    {
        RetryInitialDelay = TimeSpan.FromSeconds(1),
        RetryBackoffFactor = 2,
        RetryMaxDelay = TimeSpan.FromSeconds(60),
    };

    [Theory]
    [InlineData(1, 0.0, 1.0)]
    [InlineData(1, 1.0, 2.0)]
    [InlineData(3, 0.5, 6.0)]
    [InlineData(10, 0.0, 30.0)]
    [InlineData(10, 1.0, 60.0)]
    [InlineData(1000, 1.0, 60.0)]
    public void Compute_Attempt_IsBetweenHalfAndFullOfTheCappedExponential(int attempt, double random, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryDelay.Compute(attempt, Options, random, retryAfter: null));

    [Fact]
    public void Compute_RetryAfter_WinsEvenAboveTheCap() =>
        Assert.Equal(TimeSpan.FromMinutes(5), RetryDelay.Compute(1, Options, 0.5, TimeSpan.FromMinutes(5)));

    [Fact]
    public void FromHeader_HttpDate_IsTheDelayFromNow()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(42));

        Assert.Equal(TimeSpan.FromSeconds(42), RetryDelay.FromHeader(response, now));
    }
}
