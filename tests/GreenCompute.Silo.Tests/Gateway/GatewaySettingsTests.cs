namespace GreenCompute.Silo.Tests.Gateway;

public sealed class GatewaySettingsTests
{
    [Fact]
    public async Task RunAsync_GatewayTokenFileTooShortOrUnwritable_StopsNamingTheSettingAndRunsNothing()
    {
        var folder = Directory.CreateTempSubdirectory("gc-gateway-settings-").FullName;
        try
        {
            var shortToken = Path.Combine(folder, "short.token");
            await File.WriteAllTextAsync(shortToken, "abc\n");
            var report = Path.Combine(folder, "report.md");
            foreach (var file in new[] { shortToken, Path.Combine(folder, "no-such-folder", "gateway.token") })
            {
                var errors = new StringWriter();

                var exit = await SiloProgram.RunAsync(["--gateway-port", "0", "--gateway-token-file", file, "--report", report], new StringWriter(), errors);

                Assert.Equal(2, exit);
                Assert.Contains("Setting '--gateway-token-file'", errors.ToString(), StringComparison.Ordinal);
                Assert.False(File.Exists(report), "nothing may run");
            }

            Assert.Equal("abc\n", await File.ReadAllTextAsync(shortToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
