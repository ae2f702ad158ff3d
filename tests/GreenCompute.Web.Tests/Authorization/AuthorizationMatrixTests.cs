using System.Net;
using GreenCompute.Web.Jobs;
using GreenCompute.Web.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace GreenCompute.Web.Tests.Authorization;

/// <summary>
/// Every page and live endpoint × anonymous and every role: the designed status. 302 = to the sign-in page (pages,
/// anonymous) or to the role's landing page ("/"); 401 = live/data endpoints without a session; 403 = the role may
/// not open it; 404 = another tenant's (or no) site, room or job, answered like one that does not exist.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    private static readonly string[] Who = ["", "op", "manager1", "customer1", "installer1", "host1"];

    // path → expected status for: anonymous, operator, manager (site b1), customer, installer, host (site b1).
    private static readonly Dictionary<string, int[]> Expected = new()
    {
            ["/"] = [200, 302, 302, 302, 302, 302],
            ["/login"] = [200, 200, 200, 200, 200, 200],
            ["/account/password"] = [302, 200, 200, 200, 200, 200],
            ["/sites"] = [302, 200, 200, 403, 403, 403],
            ["/sites/b1"] = [302, 200, 200, 403, 403, 403],
            ["/sites/b2"] = [302, 200, 404, 403, 403, 403],
            ["/sites/nowhere"] = [302, 404, 404, 403, 403, 403],
            ["/sites/b1/rooms/b1-r01"] = [302, 200, 200, 403, 403, 403],
            ["/sites/b2/rooms/b2-r01"] = [302, 200, 404, 403, 403, 403],
            ["/sites/b1/rooms/b2-r01"] = [302, 404, 404, 403, 403, 403],
            ["/data/rooms/b1/b1-r01/chart?window=24h"] = [401, 200, 200, 403, 403, 403],
            ["/data/rooms/b2/b2-r01/chart?window=7d"] = [401, 200, 404, 403, 403, 403],
            ["/live/sites/b1"] = [401, 200, 200, 403, 403, 403],
            ["/live/sites/b2"] = [401, 200, 404, 403, 403, 403],
            ["/live/rooms/b1/b1-r02"] = [401, 200, 200, 403, 403, 403],
            ["/jobs"] = [302, 403, 403, 200, 403, 403],
            ["/jobs/new"] = [302, 403, 403, 200, 403, 403],
            ["/jobs/{job}"] = [302, 403, 403, 200, 403, 403],
            ["/jobs/job-unknown"] = [302, 403, 403, 404, 403, 403],
            ["/live/jobs"] = [401, 403, 403, 200, 403, 403],
            ["/live/jobs/{job}"] = [401, 403, 403, 200, 403, 403],
            ["/account/keys"] = [302, 403, 403, 200, 403, 403],
            ["/operator"] = [302, 200, 403, 403, 403, 403],
            ["/operator?site=b2&mode=Idle&q=r0&page=2"] = [302, 200, 403, 403, 403, 403],
            ["/admin/users"] = [302, 200, 403, 403, 403, 403],
            ["/data/prices"] = [401, 200, 403, 403, 403, 403],
            ["/host"] = [302, 403, 403, 403, 403, 200],
            ["/installer"] = [302, 200, 403, 403, 200, 403],
            ["/installer/pairings/b1-dnothing"] = [302, 404, 403, 403, 404, 403],
            ["/live/pairings/b1-dnothing"] = [401, 404, 403, 403, 404, 403],
            ["/api/v1/pairing/requests/AAAA-AAAA"] = [404, 404, 404, 404, 404, 404],
            ["/api/v1/jobs"] = [401, 401, 401, 401, 401, 401],
            ["/openapi/v1.json"] = [200, 200, 200, 200, 200, 200],
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, _) in Expected)
        {
            foreach (var who in Who)
            {
                data.Add(path, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Page_ForRole_AnswersAsDesigned(string path, string who)
    {
        var expected = Expected[path][Array.IndexOf(Who, who)];
        var client = await fixture.App.As(who);
        var url = path.Replace("{job}", await fixture.CustomerJob.Value, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.True((int)response.StatusCode == expected, $"GET {url} as {(who.Length == 0 ? "anonymous" : who)}: expected {expected}, got {(int)response.StatusCode}");
        if (expected == 302 && who.Length == 0)
        {
            Assert.StartsWith("/login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task OtherManager_SeesNeitherTheSiteNorItsRoomsAnywhere()
    {
        var manager2 = await fixture.App.As("manager2");
        var sites = await manager2.GetStringAsync("/sites");
        Assert.Contains("/sites/b2", sites);
        Assert.DoesNotContain("/sites/b1", sites);
        Assert.Equal(HttpStatusCode.NotFound, (await manager2.GetAsync("/sites/b1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager2.GetAsync("/sites/b1/rooms/b1-r01")).StatusCode);
    }

    [Fact]
    public async Task OtherCustomer_NeitherListsNorOpensTheJob()
    {
        var job = await fixture.CustomerJob.Value;
        var customer2 = await fixture.App.As("customer2");
        Assert.DoesNotContain(job, await customer2.GetStringAsync("/jobs"));
        Assert.Equal(HttpStatusCode.NotFound, (await customer2.GetAsync($"/jobs/{job}")).StatusCode);
        Assert.Contains(job, await (await fixture.App.As("customer1")).GetStringAsync("/jobs"));
    }

    /// <summary>The app plus one job of customer1's.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public WebApp App { get; } = new();

        public Lazy<Task<string>> CustomerJob { get; }

        public Fixture() => CustomerJob = new(async () =>
        {
            var service = App.Services.GetRequiredService<JobService>();
            var (jobId, errors) = await service.SubmitAsync(App.Principal("customer1"),
                new JobRequest("matrix job", "cpu-burn", 2, 60, App.Silo.Now + TimeSpan.FromHours(6), 500));
            return jobId ?? throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        });

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => App.DisposeAsync();
    }
}
