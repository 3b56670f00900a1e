using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>Headless Debian Chromium driven by Playwright (no Playwright browser download), and where screenshots go.</summary>
public static class Browser
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("KW_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    /// <summary><c>artifacts/screenshots</c> at the repository root (found by its solution file), created on demand.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>
    /// A screenshot that the README shows too: with <c>KW_UPDATE_README_SCREENSHOTS=1</c> it also replaces
    /// <c>ops/screenshots/&lt;readmeName&gt;</c>, so the README's pictures are remade by the same run that checks the Studio
    /// (<c>KW_UPDATE_README_SCREENSHOTS=1 ops/test.sh --filter ContactSchemeLoopTests</c>) rather than by hand.
    /// </summary>
    public static async Task ReadmeScreenshotAsync(IPage page, string name, string readmeName)
    {
        var path = ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        if (Environment.GetEnvironmentVariable("KW_UPDATE_README_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(RepositoryRoot(), "ops", "screenshots", readmeName), overwrite: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KitchenWorkflows.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
