using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// Designer basics in the browser: ports big enough to hit, copy in one definition and paste into another (Ctrl+C,
/// the canvas menu's "Paste here", Ctrl+V), duplicate from an activity's menu, and auto-layout from the toolbar.
/// </summary>
public sealed class DesignerEditingTests(StudioServerFixture server) : IClassFixture<StudioServerFixture>
{
    [ChromiumFact]
    public async Task Ports_AreAtLeast16PixelsToHit()
    {
        await StudioPage.SaveAsync(server, StudioPage.TwoSteps("edit-ports"));

        await StudioPage.RunAsync("edit-ports", async page =>
        {
            await OpenAsync(page, "edit-ports");
            var sizes = await page.Locator(".kw-port").EvaluateAllAsync<double[][]>("ports => ports.map(p => [p.offsetWidth, p.offsetHeight])");
            Assert.NotEmpty(sizes);
            Assert.All(sizes, size => Assert.True(size[0] >= 16 && size[1] >= 16, $"A port is {size[0]}×{size[1]} px."));
        });
    }

    [ChromiumFact]
    public async Task CopyInOneDefinition_PasteInAnother_DuplicateAndAutoLayout()
    {
        await StudioPage.SaveAsync(server, StudioPage.TwoSteps("edit-copy-from", "Скопировано"));
        await StudioPage.SaveAsync(server, StudioPage.TwoSteps("edit-copy-to"));

        await StudioPage.RunAsync("edit-copy", async page =>
        {
            await OpenAsync(page, "edit-copy-from");
            await SelectAsync(page, "write");
            await page.Keyboard.PressAsync("Control+c");

            // Through the Studio's own links: the clipboard belongs to the tab's circuit, which a reload would end.
            await page.GetByRole(AriaRole.Link, new() { Name = "Workflows" }).ClickAsync();
            await page.Locator("[data-definition-id=edit-copy-to]").ClickAsync();
            await page.Locator(".kw-canvas[data-fitted=true]").WaitForAsync();
            await page.Locator(".kw-node[data-activity-id=start]").WaitForAsync();

            var canvas = (await page.Locator(".kw-designer__canvas").BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(canvas.X + 40, canvas.Y + canvas.Height - 60, new() { Button = MouseButton.Right });
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Paste here" }).ClickAsync();
            await Node(page, "WriteLine1").WaitForAsync();
            Assert.Equal(1, await page.Locator(".kw-node--selected").CountAsync());

            await page.Keyboard.PressAsync("Control+v");
            await Node(page, "WriteLine2").WaitForAsync();

            await Node(page, "write").Locator(".kw-node__title").ClickAsync(new() { Button = MouseButton.Right });
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Duplicate" }).ClickAsync();
            await Node(page, "WriteLine3").WaitForAsync();
            await page.Locator("[data-testid=context-menu]").WaitForAsync(new() { State = WaitForSelectorState.Detached });

            await page.Locator("[data-testid=auto-layout]").ClickAsync();
            // Arranged: start on the left, the activity it leads to one layer to its right, no two activities overlapping.
            await page.WaitForFunctionAsync("""
                () => {
                    const boxes = [...document.querySelectorAll('.kw-node')].map(n => ({ id: n.dataset.activityId, r: n.getBoundingClientRect() }));
                    const start = boxes.find(b => b.id === 'start'), write = boxes.find(b => b.id === 'write');
                    const apart = (a, b) => a.r.right <= b.r.left || b.r.right <= a.r.left || a.r.bottom <= b.r.top || b.r.bottom <= a.r.top;
                    return boxes.length === 5 && start.r.right < write.r.left && boxes.every(a => boxes.every(b => a === b || apart(a, b)));
                }
                """);
            await page.Locator("[data-testid=save]:not([disabled])").WaitForAsync();
        });
    }

    private async Task OpenAsync(IPage page, string definitionId)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, $"studio/definitions/{definitionId}").ToString());
        await page.Locator(".kw-canvas[data-fitted=true]").WaitForAsync();
    }

    private static async Task SelectAsync(IPage page, string activityId)
    {
        await Node(page, activityId).Locator(".kw-node__title").ClickAsync();
        await page.Locator($".kw-node--selected[data-activity-id={activityId}]").WaitForAsync();
    }

    private static ILocator Node(IPage page, string activityId) => page.Locator($".kw-node[data-activity-id={activityId}]");
}
