using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// The whole loop as ops go through it: open the shipped contact scheme, change a Russian reply script,
/// add and connect a journal line, meet the server's error for a dangling port, fix it, publish, run, and
/// see the new version with the new text in the instance view.
/// </summary>
public sealed class ContactSchemeLoopTests(StudioServerFixture server) : IClassFixture<StudioServerFixture>
{
    private const string DefinitionId = "contact-scheme-phone";
    private const string NewScript = "Проект Kitchen Lab обновляется. Новые заказы скоро снова будут приниматься: следите за новостями на https://haieronline.ru/";
    private const string JournalLine = "Сценарий изменён в Studio";

    [ChromiumFact]
    public async Task Studio_EditPublishRun_NewVersionRunsWithNewText()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1680, Height = 1000 } });
        page.SetDefaultTimeout(20_000);
        // The browser's console says whether the circuit or a script failed (a rare failure under load left the
        // flowchart unmeasured: no links, no fit; this is what tells why).
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Enqueue("page error: " + error);
        try
        {
            await RunLoopAsync(page);
        }
        catch
        {
            // What the page showed when the loop broke is the first thing to look at.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("failure.png") });
            await File.WriteAllTextAsync(Browser.ScreenshotPath("failure.html"), await page.ContentAsync());
            await File.WriteAllLinesAsync(Browser.ScreenshotPath("failure-console.txt"), console);
            throw;
        }
    }

    private async Task RunLoopAsync(IPage page)
    {
        // Publishing the edit makes the version after the shipped one, whatever the shipped file's version is.
        using var http = TestKeys.Client(server.BaseAddress, server.AdminKey);
        var shipped = (await http.GetFromJsonAsync<JsonObject>($"api/workflow-definitions/{DefinitionId}?version=published"))!;
        var edited = shipped["version"]!.GetValue<int>() + 1;

        await page.GotoAsync(new Uri(server.BaseAddress, "studio").ToString());
        await page.Locator($"[data-definition-id={DefinitionId}]").ClickAsync();
        var canvas = page.Locator(".kw-designer__canvas");
        await page.Locator(".kw-node[data-activity-id=potential-script]").WaitForAsync();
        await page.Locator(".kw-canvas[data-fitted=true]").WaitForAsync();

        // Change the Russian reply script of one activity.
        var script = page.Locator(".kw-properties [data-input=outputValue]").Locator("input, textarea").First;
        await SelectAsync(Node(page, "potential-script"), script);
        await script.FillAsync(NewScript);
        await script.PressAsync("Tab");

        // At a readable zoom the scheme is wider than the canvas: drag the background to bring the branch's end into view.
        var canvasBox = await BoxAsync(canvas);
        var lowest = await page.EvaluateAsync<float>("Math.max(...[...document.querySelectorAll('.kw-node')].map(n => n.getBoundingClientRect().bottom))");
        var last = await BoxAsync(Node(page, "potential-actions"));
        var canvasRight = canvasBox.X + canvasBox.Width;
        var shift = last.X + last.Width + 120 - canvasRight;
        await DragToPointAsync(page, new LocatorBoundingBoxResult { X = canvasRight - 20, Y = lowest + 20 }, canvasRight - 20 - shift, lowest + 20);
        last = await BoxAsync(Node(page, "potential-actions"));
        Assert.True(last.X + last.Width + 40 < canvasRight, "The branch's last activity is in view after the pan.");

        // Add a WriteLine in the free space below the branches, and give it a text.
        await page.Locator(".kw-palette__item[data-type='Elsa.WriteLine']").DragToAsync(canvas, new LocatorDragToOptions
        {
            TargetPosition = new TargetPosition { X = last.X - canvasBox.X, Y = lowest + 40 - canvasBox.Y },
        });
        var added = page.Locator(".kw-node[data-activity-id=WriteLine1]");
        await added.WaitForAsync();
        var text = page.Locator(".kw-properties [data-input=text] textarea").First;
        await text.FillAsync(JournalLine);
        await text.PressAsync("Tab");

        // Connect it after the branch's last activity, then leave a second link hanging from its own outcome.
        await DragAsync(page, Node(page, "potential-actions").Locator(".kw-outcome[data-port=Done] .kw-port"), added.Locator(".kw-port--in"));
        var port = await BoxAsync(added.Locator(".kw-outcome[data-port=Done] .kw-port"));
        await DragToPointAsync(page, port, port.X + 120, port.Y + 30);

        await page.Locator("[data-testid=save]").ClickAsync();
        var problems = page.Locator(".kw-problems");
        await Assertions.Expect(problems).ToContainTextAsync("which is not an activity of this flowchart");
        await Assertions.Expect(page.Locator(".kw-node--error[data-activity-id=WriteLine1]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=publish]")).ToBeEnabledAsync();
        await HideMessagesAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("designer-validation.png") });

        // Fix it: undo the hanging link (the last change), then publish, which saves first.
        await page.Locator("[aria-label=Undo]").ClickAsync();
        await Assertions.Expect(page.Locator(".kw-node[data-activity-id=WriteLine1]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=version-state]")).ToContainTextAsync($"v{edited} · published");
        await Assertions.Expect(page.Locator(".kw-node--error")).ToHaveCountAsync(0);
        await SelectAsync(Node(page, "potential-script"), script);
        await Assertions.Expect(script).ToHaveValueAsync(NewScript);
        await page.Locator("[aria-label='Zoom in']").ClickAsync();
        await page.Locator("[aria-label='Zoom in']").ClickAsync();
        await HideMessagesAsync(page);
        await Browser.ReadmeScreenshotAsync(page, "designer.png", "studio-designer.png");

        // Start an instance through the API, as a service centre would.
        var started = await http.PostAsJsonAsync($"api/workflow-definitions/{DefinitionId}/execute", new { input = new { callerKind = "potential" } });
        var instance = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(edited, instance["definitionVersion"]!.GetValue<int>());
        Assert.Equal(NewScript, instance["output"]!["script"]!.GetValue<string>());

        await page.GotoAsync(new Uri(server.BaseAddress, $"studio/instances/{instance["workflowInstanceId"]}").ToString());
        await Assertions.Expect(page.Locator("[data-testid=instance-version]")).ToHaveTextAsync($"v{edited}");
        await Assertions.Expect(page.Locator(".kw-node--executed[data-activity-id=WriteLine1]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=journal]")).ToContainTextAsync(JournalLine);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Data" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=json-output]")).ToContainTextAsync(NewScript);
        await Browser.ReadmeScreenshotAsync(page, "instance.png", "studio-instance.png");
    }

    // Selects a node by a click near its title's left end, which stays on the canvas, and waits for its properties.
    private static async Task SelectAsync(ILocator node, ILocator propertyInput)
    {
        await node.Locator(".kw-node__title").ClickAsync(new LocatorClickOptions { Position = new Position { X = 8, Y = 6 } });
        await propertyInput.WaitForAsync();
    }

    private static Task HideMessagesAsync(IPage page) =>
        page.EvaluateAsync("document.querySelectorAll('.mud-snackbar').forEach(e => e.remove())");

    private static ILocator Node(IPage page, string id) => page.Locator($".kw-node[data-activity-id={id}]");

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not visible.");

    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        var target = await BoxAsync(to);
        await DragToPointAsync(page, await BoxAsync(from), target.X + (target.Width / 2), target.Y + (target.Height / 2));
    }

    // The diagram follows pointer events, so the drag is made of real pointer moves in several steps.
    private static async Task DragToPointAsync(IPage page, LocatorBoundingBoxResult from, float x, float y)
    {
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x, y, new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
    }
}
