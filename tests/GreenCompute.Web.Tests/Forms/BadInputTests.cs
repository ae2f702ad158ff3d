using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GreenCompute.Web.Tests.Fixtures;

namespace GreenCompute.Web.Tests.Forms;

/// <summary>Every form and API endpoint rejects bad values with a message at the field (or problem details) and stores nothing.</summary>
public sealed class BadInputTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Login_WrongPassword_SaysSoAtTheFieldAndSetsNoCookie()
    {
        var client = app.Client(out var cookies);
        var response = await Fixtures.Forms.PostAsync(client, "/login", "login", new() { ["Input.Name"] = "customer1", ["Input.Password"] = "wrong" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Wrong name or password.", Fixtures.Forms.FieldError(await response.Content.ReadAsStringAsync(), "Password"));
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "gc.auth");
    }

    [Fact]
    public async Task Login_RepeatedFailures_LockTheAccountEvenForTheRightPassword()
    {
        var client = app.Client();
        for (var i = 0; i < Accounts.AccountService.MaxFailures; i++)
        {
            await Fixtures.Forms.PostAsync(client, "/login", "login", new() { ["Input.Name"] = "installer1", ["Input.Password"] = $"guess-{i}" });
        }

        var response = await Fixtures.Forms.PostAsync(client, "/login", "login", new() { ["Input.Name"] = "installer1", ["Input.Password"] = WebApp.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("locked", Fixtures.Forms.FieldError(await response.Content.ReadAsStringAsync(), "Password"));
        Assert.NotNull(app.Accounts.Store.FindByName("installer1")!.LockedUntil);
    }

    [Fact]
    public async Task Form_WithoutAntiforgeryToken_IsRefused()
    {
        var client = app.Client(out var cookies);
        var response = await Fixtures.Forms.PostAsync(client, "/login", "login", new() { ["Input.Name"] = "customer1", ["Input.Password"] = WebApp.Password }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "gc.auth");
    }

    [Fact]
    public async Task NewJob_BadValues_GetAMessageEachAndNothingIsQueued()
    {
        var client = await app.SignedInAsync("customer2");
        var before = app.Accounts.Store.JobsOf(app.Accounts.Store.FindByName("customer2")!.Id).Count;
        var response = await Fixtures.Forms.PostAsync(client, "/jobs/new", "job", new()
        {
            ["Input.Name"] = "",
            ["Input.Workload"] = "bitcoin",
            ["Input.Tasks"] = "many",
            ["Input.CpuSeconds"] = "-5",
            ["Input.Deadline"] = "2001-01-01 00:00",
            ["Input.MaxPrice"] = "cheap",
            ["Input.Action"] = "submit",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("whole number", Fixtures.Forms.FieldError(html, "tasks"));
        Assert.Contains("maximum price", Fixtures.Forms.FieldError(html, "maxPriceEurPerMwh"));
        Assert.Contains("bitcoin", Fixtures.Forms.FieldError(html, "workload"));
        Assert.Equal(before, app.Accounts.Store.JobsOf(app.Accounts.Store.FindByName("customer2")!.Id).Count);

        // Numbers that parse but make no sense are the core validator's to refuse.
        response = await Fixtures.Forms.PostAsync(client, "/jobs/new", "job", new()
        {
            ["Input.Name"] = "",
            ["Input.Workload"] = "cpu-burn",
            ["Input.Tasks"] = "0",
            ["Input.CpuSeconds"] = "-5",
            ["Input.Deadline"] = "2001-01-01 00:00",
            ["Input.MaxPrice"] = "-1",
            ["Input.Action"] = "submit",
        });
        html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(Fixtures.Forms.FieldError(html, "name"));
        Assert.NotNull(Fixtures.Forms.FieldError(html, "tasks"));
        Assert.NotNull(Fixtures.Forms.FieldError(html, "cpuSecondsPerTask"));
        Assert.Contains("past", Fixtures.Forms.FieldError(html, "deadline"));
        Assert.NotNull(Fixtures.Forms.FieldError(html, "maxPriceEurPerMwh"));
        Assert.Equal(before, app.Accounts.Store.JobsOf(app.Accounts.Store.FindByName("customer2")!.Id).Count);
    }

    [Fact]
    public async Task ComfortEditor_BadValues_GetAMessageEachAndTheScheduleStays()
    {
        var before = await app.Silo.Node("b2-r02").GetComfortSchedule();
        var client = await app.SignedInAsync("manager2");
        var response = await Fixtures.Forms.PostAsync(client, "/sites/b2/rooms/b2-r02", "comfort", new()
        {
            ["Form.SetbackMin"] = "hot",
            ["Form.SetbackMax"] = "22",
            ["Form.Rules[0].Days"] = "Weekdays",
            ["Form.Rules[0].From"] = "25:00",
            ["Form.Rules[0].Until"] = "22:00",
            ["Form.Rules[0].Min"] = "20",
            ["Form.Rules[0].Max"] = "99",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(Fixtures.Forms.FieldError(html, "SetbackMin"));
        Assert.Contains("HH:mm", Fixtures.Forms.FieldError(html, "Rules[0].From"));
        Assert.NotNull(Fixtures.Forms.FieldError(html, "Rules[0].Max"));

        // Parsable but inverted: the core's schedule validation names the problem.
        response = await Fixtures.Forms.PostAsync(client, "/sites/b2/rooms/b2-r02", "comfort", new()
        {
            ["Form.SetbackMin"] = "22",
            ["Form.SetbackMax"] = "18",
        });
        html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("inverted", Fixtures.Forms.FieldError(html, "Schedule"));
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await app.Silo.Node("b2-r02").GetComfortSchedule()));
    }

    [Fact]
    public async Task ChangePassword_TooShortOrWrongCurrent_IsRefusedAndThePasswordStays()
    {
        var client = await app.SignedInAsync("host1");
        var response = await Fixtures.Forms.PostAsync(client, "/account/password", "password", new() { ["Input.Current"] = "nope", ["Input.New"] = "short" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(Fixtures.Forms.FieldError(html, "Current"));
        Assert.NotNull(Fixtures.Forms.FieldError(html, "New"));
        Assert.Equal(Accounts.SignInOutcome.Succeeded, app.Accounts.CheckPassword("host1", WebApp.Password).Outcome);
    }

    [Fact]
    public async Task Api_BadJob_IsAProblemDetailsByFieldAndNothingIsQueued()
    {
        var key = app.Accounts.CreateApiKey(app.Accounts.Store.FindByName("customer2")!.Id);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetArrayLength();
        var response = await client.PostAsJsonAsync("/api/v1/jobs", new { name = "", workload = "cpu-burn", tasks = -1, cpuSecondsPerTask = 10, deadline = "2001-01-01T00:00:00Z", maxPriceEurPerMwh = 100 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("tasks", out _));
        Assert.True(errors.TryGetProperty("deadline", out _));
        Assert.False(errors.TryGetProperty("cpuSecondsPerTask", out _));

        response = await client.PostAsync("/api/v1/jobs", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetArrayLength());
    }

    [Fact]
    public async Task Api_UnknownOrMissingKey_Is401()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/jobs")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "gck_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/jobs")).StatusCode);
    }
}
