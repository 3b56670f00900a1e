using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>A fresh headless Chromium page for one test; on failure it leaves a screenshot and the page's HTML behind.</summary>
internal static class StudioPage
{
    public static async Task RunAsync(string name, Func<IPage, Task> steps)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1680, Height = 1000 } });
        // Generous: every wait is on a condition, and a machine busy with builds answers slowly.
        page.SetDefaultTimeout(30_000);
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

    /// <summary>Saves a definition through the API as the admin.</summary>
    public static async Task SaveAsync(StudioServerFixture server, string json)
    {
        using var http = TestKeys.Client(server.BaseAddress, server.AdminKey);
        using var response = await http.PostAsync("api/workflow-definitions", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Two steps, Start → WriteLine, under the given id.</summary>
    public static string TwoSteps(string definitionId, string text = "Здравствуйте") => """
        {"id":"DEFINITION_ID","definitionId":"DEFINITION_ID","name":"DEFINITION_ID","version":1,"isPublished":false,
         "root":{"type":"Elsa.Flowchart","id":"flow","activities":[
           {"id":"start","type":"Elsa.Start","version":1,"metadata":{"designer":{"position":{"x":40,"y":120}}}},
           {"id":"write","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"Literal","value":"TEXT"}},
            "metadata":{"designer":{"position":{"x":360,"y":140}}}}],
          "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"write","port":"In"}}]}}
        """.Replace("DEFINITION_ID", definitionId, StringComparison.Ordinal).Replace("TEXT", text, StringComparison.Ordinal);
}
