using System.Text;
using GreenCompute.Influx.LineProtocol;
using GreenCompute.Influx.Tests.Fixtures;
using GreenCompute.Influx.Writing;

namespace GreenCompute.Influx.Tests.Writing;

public sealed class WriteBufferTests
{
    [Fact]
    public void Reopen_AfterAppend_KeepsLinesCountsAndIds()
    {
        using var directory = new TempDirectory();
        string path = directory.File("buffer.db");
        using (var buffer = WriteBuffer.Open(path, syncEveryCommit: true))
        {
            buffer.Append([Line("a"), Line("bb")]);
            buffer.Remove(buffer.Peek(1, 1000)!);
        }

        using var reopened = WriteBuffer.Open(path, syncEveryCommit: true);
        var batch = reopened.Peek(10, 1000)!;

        Assert.Equal(1, reopened.Count);
        Assert.Equal(2, reopened.Bytes);
        Assert.Equal(["bb"], batch.Lines.Select(Encoding.UTF8.GetString));
        Assert.Equal(2, batch.FirstId);
        Assert.Equal(3, reopened.Append([Line("c")]));
    }

    [Fact]
    public void Peek_ByteLimit_StopsBeforeTheLineThatWouldExceedIt()
    {
        using var directory = new TempDirectory();
        using var buffer = WriteBuffer.Open(directory.File("buffer.db"), syncEveryCommit: false);
        buffer.Append([Line("aaaa"), Line("bbbb"), Line("cccc")]);

        Assert.Equal(2, buffer.Peek(10, 10)!.Count);
        Assert.Equal(1, buffer.Peek(10, 1)!.Count); // the first line always goes, whatever its size
    }

    [Fact]
    public void Remove_BatchOfOnePrecision_LeavesTheOtherPrecisionInOrder()
    {
        using var directory = new TempDirectory();
        using var buffer = WriteBuffer.Open(directory.File("buffer.db"), syncEveryCommit: false);
        buffer.Append([Line("n1"), Line("s1", WritePrecision.Seconds), Line("n2")]);

        var nanoseconds = buffer.Peek(10, 1000)!;
        buffer.Remove(nanoseconds);
        var seconds = buffer.Peek(10, 1000)!;

        Assert.Equal(["n1", "n2"], nanoseconds.Lines.Select(Encoding.UTF8.GetString));
        Assert.Equal(WritePrecision.Seconds, seconds.Precision);
        Assert.Equal(["s1"], seconds.Lines.Select(Encoding.UTF8.GetString));
        Assert.True(buffer.HoldsAnyUpTo(2));
        Assert.False(buffer.HoldsAnyUpTo(1));
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public void Open_SyncPolicy_IsWalWithFullOrNormalSyncAndAnExclusiveLock(bool syncEveryCommit, long synchronous)
    {
        using var directory = new TempDirectory();
        using var buffer = WriteBuffer.Open(directory.File("buffer.db"), syncEveryCommit);

        Assert.Equal(("wal", synchronous, "exclusive"), buffer.Settings());
    }

    private static BufferedLine Line(string text, WritePrecision precision = WritePrecision.Nanoseconds) =>
        new(precision, Encoding.UTF8.GetBytes(text));
}
