using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// JavaScript typed into an input the way ops write a condition: Ctrl+Space completes Elsa's globals and the
/// definition's own input names, and a script that does not compile is marked while typing, by the server's check.
/// </summary>
public sealed class CodeEditorTests(StudioServerFixture server) : IClassFixture<StudioServerFixture>
{
    private const string Flow = """
        {"id":"code-editor","definitionId":"code-editor","name":"Code editor","version":1,"isPublished":false,
         "inputs":[{"name":"callerKind","type":"String"}],
         "variables":[{"name":"attempts","typeName":"Int32","value":0}],
         "root":{"type":"Elsa.Flowchart","id":"flow","activities":[
           {"id":"start","type":"Elsa.Start","version":1,"metadata":{"designer":{"position":{"x":40,"y":120}}}},
           {"id":"write","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"JavaScript","value":"'Здравствуйте'"}},
            "metadata":{"designer":{"position":{"x":360,"y":120}}}}],
          "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"write","port":"In"}}]}}
        """;

    [ChromiumFact]
    public async Task JavaScriptInput_CtrlSpaceCompletesGlobalsAndInputNames_CompileErrorMarkedWhileTyping()
    {
        using var http = TestKeys.Client(server.BaseAddress, server.AdminKey);
        (await http.PostAsync("api/workflow-definitions", new StringContent(Flow, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1680, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Enqueue("page error: " + error);
        try
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "studio/definitions/code-editor").ToString());
            await page.Locator(".kw-canvas[data-fitted=true]").WaitForAsync();
            await page.Locator(".kw-node[data-activity-id=write] .kw-node__title").ClickAsync();
            var editor = page.Locator(".kw-properties [data-input=text] .kw-code-editor[data-language=javascript]");
            await editor.Locator(".view-lines").ClickAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("getI");
            await page.Keyboard.PressAsync("Control+Space");
            var suggestions = page.Locator(".suggest-widget.visible");
            await Assertions.Expect(suggestions).ToContainTextAsync("getInput", new() { Timeout = 20_000 });

            // Take it, and the names of the definition's inputs are offered inside the quotes.
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.TypeAsync("(\"");
            await page.Keyboard.PressAsync("Control+Space");
            await Assertions.Expect(suggestions).ToContainTextAsync("callerKind", new() { Timeout = 20_000 });
            await page.Keyboard.PressAsync("Escape");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("code-editor-completion.png") });

            // A dangling operator does not compile: marked without saving; finishing the expression clears the mark.
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("getInput(\"callerKind\") +");
            var marked = editor.Locator(".squiggly-error");
            await Assertions.Expect(marked).Not.ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await page.Keyboard.TypeAsync(" 1");
            await Assertions.Expect(marked).ToHaveCountAsync(0, new() { Timeout = 20_000 });

            // Leaving the editor hands the script to the definition: there is a change to save.
            await page.Locator(".kw-properties__head").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=save]")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("code-editor-failure.png") });
            await File.WriteAllTextAsync(Browser.ScreenshotPath("code-editor-failure.html"), await page.ContentAsync());
            await File.WriteAllLinesAsync(Browser.ScreenshotPath("code-editor-failure-console.txt"), console);
            throw;
        }
    }
}
