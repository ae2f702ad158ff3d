using System.Globalization;
using System.Text.Json;
using GreenCompute.Cli;
using GreenCompute.Core.Work;
using GreenCompute.Web.Tests.Fixtures;

namespace GreenCompute.Web.Tests.Cli;

/// <summary>The CLI against the real API: submit, list, get, results after the fleet ran the job, cancel, and its errors.</summary>
public sealed class CliTests(WebApp app) : IClassFixture<WebApp>
{
    private readonly HttpClient _http = new();

    private async Task<(int Code, string Out, string Err)> RunAsync(string key, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var env = new Dictionary<string, string?> { ["GREENCOMPUTE_URL"] = app.BaseAddress.ToString(), ["GREENCOMPUTE_API_KEY"] = key };
        var code = await CliProgram.RunAsync(args, _http, name => env.GetValueOrDefault(name), output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private string Deadline(double hours) => (app.Silo.Now + TimeSpan.FromHours(hours)).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Cli_SubmitsFollowsAndGetsResults_ThenCancelOfAFinishedJobIsRefused()
    {
        var key = app.Accounts.CreateApiKey(app.Accounts.Store.FindByName("customer1")!.Id);
        string[] job = ["--name", "cli job", "--workload", "cpu-burn", "--tasks", "2", "--cpu-seconds", "120", "--deadline", Deadline(12), "--max-price", "1000"];
        var estimate = await RunAsync(key, ["jobs", "submit", .. job, "--estimate"]);
        Assert.True(estimate.Code == 0, estimate.Err);
        Assert.Contains("coreHours", estimate.Out);

        var submitted = await RunAsync(key, ["jobs", "submit", .. job]);
        Assert.True(submitted.Code == 0, submitted.Err);
        var jobId = JsonDocument.Parse(submitted.Out).RootElement.GetProperty("jobId").GetString()!;
        Assert.Contains(jobId, (await RunAsync(key, "jobs", "list")).Out);

        for (var steps = 0; (await app.Silo.Scheduler.GetJob(jobId))!.State != JobState.Completed; steps += 5)
        {
            Assert.True(steps < 24 * 60, $"job {jobId} did not finish within a simulated day");
            await app.Silo.StepAsync(5);
        }

        var got = await RunAsync(key, "jobs", "get", jobId);
        Assert.Equal("completed", JsonDocument.Parse(got.Out).RootElement.GetProperty("state").GetString());
        var results = await RunAsync(key, "jobs", "results", jobId);
        Assert.Equal(2, results.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(" 0x", StringComparison.Ordinal)));

        // Once the completions' epoch has closed and been recorded, the bill carries the device-signed receipts with proofs.
        await app.Silo.StepAsync(90);
        var receipts = JsonDocument.Parse((await RunAsync(key, "jobs", "get", jobId)).Out).RootElement.GetProperty("receipts");
        Assert.NotEqual(0, receipts.GetArrayLength());
        Assert.All(receipts.EnumerateArray(), r =>
        {
            Assert.StartsWith("0x", r.GetProperty("leaf").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("recordedAs").GetString()));
        });
        Assert.Equal(2, receipts.EnumerateArray().Sum(r => r.GetProperty("coversTasks").GetArrayLength()));

        var cancel = await RunAsync(key, "jobs", "cancel", jobId);
        Assert.Equal(1, cancel.Code);
        Assert.Contains("409", cancel.Err);
    }

    [Fact]
    public async Task Cli_CancelsAQueuedJob_AndAnotherCustomersKeyCannotSeeIt()
    {
        var key = app.Accounts.CreateApiKey(app.Accounts.Store.FindByName("customer1")!.Id);
        var submitted = await RunAsync(key, "jobs", "submit", "--name", "to cancel", "--workload", "cpu-burn", "--tasks", "3", "--cpu-seconds", "600", "--deadline", Deadline(20), "--max-price", "1000");
        var jobId = JsonDocument.Parse(submitted.Out).RootElement.GetProperty("jobId").GetString()!;

        var otherKey = app.Accounts.CreateApiKey(app.Accounts.Store.FindByName("customer2")!.Id);
        var foreign = await RunAsync(otherKey, "jobs", "cancel", jobId);
        Assert.Equal(1, foreign.Code);
        Assert.Contains("404", foreign.Err);

        var cancel = await RunAsync(key, "jobs", "cancel", jobId);
        Assert.True(cancel.Code == 0, cancel.Err);
        Assert.Equal("cancelled", JsonDocument.Parse(cancel.Out).RootElement.GetProperty("state").GetString());
        Assert.True((await app.Silo.Scheduler.GetJob(jobId))!.Cancelled);
    }

    [Fact]
    public async Task Cli_BadInputAndUsage_AreExplained()
    {
        var key = app.Accounts.CreateApiKey(app.Accounts.Store.FindByName("customer2")!.Id);
        var bad = await RunAsync(key, "jobs", "submit", "--name", "x", "--workload", "cpu-burn", "--tasks", "lots", "--cpu-seconds", "10", "--deadline", Deadline(5), "--max-price", "100");
        Assert.Equal(1, bad.Code);
        Assert.Contains("tasks:", bad.Err);
        Assert.Equal(2, (await RunAsync(key, "jobs", "get")).Code);
        Assert.Equal(2, (await RunAsync(key, "jobs", "frobnicate", "x")).Code);
        Assert.Equal(2, (await RunAsync("", "jobs", "list")).Code);
        var denied = await RunAsync("gck_not-a-real-key-at-all", "jobs", "list");
        Assert.Equal(1, denied.Code);
        Assert.Contains("401", denied.Err);
    }
}
