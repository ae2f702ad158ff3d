using System.Net;
using GreenCompute.Web.Accounts;
using GreenCompute.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GreenCompute.Web.Tests.Fixtures;

/// <summary>
/// The real web host on Kestrel at a free loopback port, in its own temporary folder: 2 buildings × 2 rooms on the
/// real data, a manual fleet clock (tests step it; no pacing, no sleeps), the ledger journaled, and one account per
/// role plus a second manager and customer for the cross-tenant checks.
/// </summary>
public class WebApp : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gc-web-test-{Guid.NewGuid():N}");
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = default!;

    internal CoHostedSilo Silo => Services.GetRequiredService<CoHostedSilo>();

    /// <summary>The fleet link on the host's one broker: its ingest applies simulated and paired devices' messages alike.</summary>
    internal GreenCompute.Silo.Mqtt.MqttFleetLink Link => (GreenCompute.Silo.Mqtt.MqttFleetLink)Silo.Silo.Link;

    internal GreenCompute.Silo.Mqtt.MqttIngest Ingest => Silo.Silo.Link is GreenCompute.Silo.Mqtt.PairedDevicesLink direct ? direct.Ingest : Link.Ingest;

    /// <summary>More command-line arguments for a variant of the host.</summary>
    protected virtual IReadOnlyList<string> ExtraArguments => [];

    internal AccountService Accounts => Services.GetRequiredService<AccountService>();

    internal ConsoleNotices Notices => Services.GetRequiredService<ConsoleNotices>();

    internal IServiceProvider Services => _app!.Services;

    public StringWriter Output { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--buildings", "2", "--rooms", "2", "--days", "3",
            "--users", Path.Combine(_folder, "users.db"),
            "--no-chain",
            "--mqtt-port", "0",
            "--GreenCompute:ManualClock=true",
            .. ExtraArguments,
        ];
        _app = WebProgram.Create(args, Output, RepositoryPaths.WebProject);
        await _app.StartAsync();
        BaseAddress = new Uri(WebProgram.Addresses(_app).Single());
        AddAccount("op", Roles.Operator, []);
        AddAccount("manager1", Roles.Manager, ["b1"]);
        AddAccount("manager2", Roles.Manager, ["b2"]);
        AddAccount("customer1", Roles.Customer, []);
        AddAccount("customer2", Roles.Customer, []);
        AddAccount("installer1", Roles.Installer, []);
        AddAccount("host1", Roles.Host, ["b1"]);
        AddAccount("host2", Roles.Host, ["b2"]);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A client with its own cookie jar that does not follow redirects (the tests assert them).</summary>
    public HttpClient Client(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
    }

    public HttpClient Client() => Client(out _);

    /// <summary>A client signed in as <paramref name="name"/> through the login form.</summary>
    public async Task<HttpClient> SignedInAsync(string name)
    {
        var client = Client();
        var response = await Forms.PostAsync(client, "/login", "login", new() { ["Input.Name"] = name, ["Input.Password"] = Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"signing in as {name} gave {(int)response.StatusCode}");
        return client;
    }

    /// <summary>One shared signed-in client per account name ("" = anonymous) for read-only checks.</summary>
    public Task<HttpClient> As(string name) =>
        _clients.GetOrAdd(name, n => new Lazy<Task<HttpClient>>(() => n.Length == 0 ? Task.FromResult(Client()) : SignedInAsync(n))).Value;

    /// <summary>The principal of an account, for calling services directly (seeding jobs).</summary>
    internal System.Security.Claims.ClaimsPrincipal Principal(string name) =>
        AccountService.Principal(Accounts.Store.FindByName(name)!, "test");

    private void AddAccount(string name, string role, string[] sites)
    {
        var payout = role == Roles.Host ? Silo.Silo.Devices.HostOf(sites[0]).ToString().ToLowerInvariant() : null;
        var problems = Accounts.TryCreate(name, role, Password, mustChange: false, payout, sites, Silo.SiteIds.ToHashSet());
        Assert.True(problems.Count == 0, string.Join("; ", problems.Select(p => $"{p.Key}: {p.Value}")));
    }
}
