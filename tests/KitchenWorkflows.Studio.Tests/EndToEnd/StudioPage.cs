using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>A Studio page in a fresh headless Chromium; when the steps fail, what it showed goes to the screenshots.</summary>
public static class StudioPage
{
    public static async Task RunAsync(string name, Func<IPage, Task> steps)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1680, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        try
        {
            await steps(page);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"{name}-failure.png") });
            await File.WriteAllTextAsync(Browser.ScreenshotPath($"{name}-failure.html"), await page.ContentAsync());
            throw;
        }
    }
}
