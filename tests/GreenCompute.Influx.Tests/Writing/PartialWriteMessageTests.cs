using System.Text;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Writing;

namespace GreenCompute.Influx.Tests.Writing;

/// <summary>Error bodies as InfluxDB 1.6.7 sent them (vectors/influx/influxdb-1.6.7-http-probes and our own probes).</summary>
public sealed class PartialWriteMessageTests
{
    [Fact]
    public void RejectedLines_TwoUnparsableLines_NamesBoth()
    {
        var batch = Batch("m v=1 1", "m v= 2", "m v=3 3", "m,x v=4 4");
        const string message = "partial write: unable to parse 'm v= 2': missing field value\nunable to parse 'm,x v=4 4': missing tag value dropped=0";

        var (lines, count) = PartialWriteMessage.RejectedLines(message, batch);

        Assert.Equal(["m v= 2", "m,x v=4 4"], lines);
        Assert.Equal(2, count);
    }

    [Fact]
    public void RejectedLines_TypeConflict_CountsTheServersDroppedNumber()
    {
        var batch = Batch("m v=\"s\" 6", "m v=\"t\" 7", "m v=8 8");
        const string message = "partial write: field type conflict: input field \"v\" on measurement \"m\" is type string, already exists as type float dropped=2";

        var (lines, count) = PartialWriteMessage.RejectedLines(message, batch);

        Assert.Empty(lines);
        Assert.Equal(2, count);
    }

    [Theory]
    [InlineData(400, "partial write: unable to parse 'x': bad dropped=0", "PartiallyRejected")]
    [InlineData(400, "unable to parse 'u value=1u 1': invalid number", "Rejected")]
    [InlineData(413, "Request Entity Too Large", "Rejected")]
    [InlineData(404, "database not found: \"nope\"", "RequestRefused")]
    [InlineData(401, "authorization failed", "RequestRefused")]
    [InlineData(422, "partial write", "PartiallyRejected")]
    [InlineData(429, "", "ServerUnavailable")]
    [InlineData(503, "", "ServerUnavailable")]
    [InlineData(204, "", "Delivered")]
    public void Classify_StatusAndMessage_GivesTheOutcome(int status, string message, string expected) =>
        Assert.Equal(Enum.Parse<WriteOutcomeKind>(expected), WriteOutcome.Classify(status, message));

    private static BufferedBatch Batch(params string[] lines) =>
        new(WritePrecision.Nanoseconds, 1, lines.Length, [.. lines.Select(Encoding.UTF8.GetBytes)], lines.Sum(line => line.Length + 1));
}
