using Microsoft.Playwright;

namespace GreenCompute.Web.Tests.Fixtures;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/install-test-deps.sh) driven by Playwright; never a
/// downloaded browser. The flags keep it off the network: this machine has none, and Chromium would retry at every start.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private const float ActionTimeoutMs = 15_000;

    /// <summary>
    /// Waiting for a new address ends when the navigation commits, not at the page's load event: a live page opens its
    /// event stream while loading, and in CI the load event once never came within the timeout although the page was
    /// there. What the test needs of the page it then waits for by locator.
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run scripts/install-test-deps.sh (apt package chromium).");
        _playwright = await Playwright.CreateAsync();
        // The same patience for assertions as for actions (the assertion default, 5 s, is short for a cold first page).
        Assertions.SetDefaultExpectTimeout(ActionTimeoutMs);
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh context (own cookies) signed in through the login page.</summary>
    public async Task<IPage> SignInAsync(WebApp app, string name)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ActionTimeoutMs);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name='Input.Name']", name);
        await page.FillAsync("input[name='Input.Password']", WebApp.Password);
        await page.ClickAsync("button[type=submit]:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), Committed);
        return page;
    }

    /// <summary>
    /// Runs a browser flow; when it fails, keeps a screenshot (failed-<paramref name="name"/>.png) and writes the
    /// page's address and visible text to the test's output (the TRX keeps it), then rethrows.
    /// </summary>
    public static async Task DiagnoseAsync(IPage page, Xunit.Abstractions.ITestOutputHelper output, string name, Func<Task> flow)
    {
        try
        {
            await flow();
        }
        catch (Exception failure)
        {
            output.WriteLine($"FAILED at {page.Url}: {failure.GetType().Name}: {failure.Message.Split('\n')[0]}");
            try
            {
                await ScreenshotAsync(page, "failed-" + name);
                var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 });
                output.WriteLine("page text: " + string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(40)));
            }
            catch (Exception secondary) when (secondary is PlaywrightException or TimeoutException)
            {
                output.WriteLine($"(no screenshot or page text: {secondary.Message.Split('\n')[0]})");
            }

            throw;
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = true });
}
