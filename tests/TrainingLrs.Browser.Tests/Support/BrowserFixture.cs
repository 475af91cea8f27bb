using Microsoft.Playwright;

namespace TrainingLrs.Browser.Tests.Support;

/// <summary>
/// One headless Debian Chromium for the whole test run, driven by Playwright. Playwright's own browser
/// download is not used: the system Chromium is found through TRAININGLRS_CHROMIUM or the PATH.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            // Without the background-networking switches Chromium keeps dialling Google on a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    /// <summary>A fresh, isolated browser context (cookies, storage) for one test.</summary>
    /// <remarks>
    /// Waits are allowed 60 s instead of Playwright's 30: on a 2-core CI machine running the other test
    /// projects at once, a first page that builds a server's report snapshots has taken over 30 s.
    /// </remarks>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    private static string ChromiumPath()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("TRAININGLRS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? throw new InvalidOperationException("Chromium not found: install Debian's chromium (the test command does it as root) or set TRAININGLRS_CHROMIUM");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
