using GreenCompute.Silo.Gateway;

namespace GreenCompute.Silo.Tests.Gateway;

public sealed class GatewayTokenTests
{
    [Fact]
    public void ReadOrCreate_MissingFile_WritesAnOwnerOnlyTokenThatBothSidesRead()
    {
        var folder = Directory.CreateTempSubdirectory("gc-token-").FullName;
        try
        {
            var path = Path.Combine(folder, "gateway.token");
            var created = GatewayToken.ReadOrCreate(path);
            var read = GatewayToken.Read(path);

            Assert.Equal(created.Value, read.Value);
            Assert.True(read.Value.Length >= 40, read.Value);
            Assert.True(read.Accepts($"Bearer {created.Value}"));
            Assert.False(read.Accepts($"Bearer {created.Value[..^1]}"));
            Assert.False(read.Accepts(null));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Token_TooShort_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new GatewayToken("short"));
}
