using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// What ops see when a definition opens: a big flow at a readable zoom with its start in view, a small one at
/// natural size (not blown up), links drawn from port to port, and Fit fitting the whole flow even with a node selected.
/// </summary>
public sealed class DesignerViewTests(StudioServerFixture server) : IClassFixture<StudioServerFixture>
{
    [ChromiumFact]
    public async Task Open_BigFlow_ReadableZoomWithStartInView_LinksMeetTheirPorts_FitIgnoresSelection()
    {
        await WithPageAsync("view-big", async page =>
        {
            await OpenAsync(page, "contact-scheme-phone");
            var fitted = await ZoomAsync(page, "start");
            Assert.InRange(fitted, 0.69, 0.71);
            await AssertInCanvasAsync(page, "start");
            await AssertLinkMeetsPortsAsync(page, "start", "caller-kind");

            await page.Locator(".kw-node[data-activity-id=potential-script] .kw-node__title").ClickAsync(new() { Position = new() { X = 8, Y = 6 } });
            await page.Locator(".kw-node--selected[data-activity-id=potential-script]").WaitForAsync();
            await page.Locator("[aria-label='Zoom in']").ClickAsync();
            await WaitForZoomAsync(page, fitted * 1.2);
            await page.Locator("[data-testid=fit]").ClickAsync();
            await WaitForZoomAsync(page, fitted);
            await AssertInCanvasAsync(page, "start");
        });
    }

    [ChromiumFact]
    public async Task Open_SmallFlow_NaturalSizeAndCentred()
    {
        using var http = TestKeys.Client(server.BaseAddress, server.AdminKey);
        var saved = await http.PostAsync("api/workflow-definitions", new StringContent(SmallFlow, System.Text.Encoding.UTF8, "application/json"));
        saved.EnsureSuccessStatusCode();

        await WithPageAsync("view-small", async page =>
        {
            await OpenAsync(page, "view-small");
            Assert.Equal(1, await ZoomAsync(page, "write"), 2);
            await AssertInCanvasAsync(page, "start");
            await AssertInCanvasAsync(page, "write");
            await AssertLinkMeetsPortsAsync(page, "start", "write");
        });
    }

    private const string SmallFlow = """
        {"id":"view-small","definitionId":"view-small","name":"Two steps","version":1,"isPublished":false,
         "root":{"type":"Elsa.Flowchart","id":"flow","activities":[
           {"id":"start","type":"Elsa.Start","version":1,"metadata":{"designer":{"position":{"x":40,"y":120}}}},
           {"id":"write","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"Literal","value":"Здравствуйте"}},
            "metadata":{"designer":{"position":{"x":360,"y":140}}}}],
          "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"write","port":"In"}}]}}
        """;

    private static Task WithPageAsync(string name, Func<IPage, Task> steps) => StudioPage.RunAsync(name, steps);

    private async Task OpenAsync(IPage page, string definitionId)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, $"studio/definitions/{definitionId}").ToString());
        await page.Locator(".kw-canvas[data-fitted=true]").WaitForAsync();
    }

    // The zoom the browser shows: a node's drawn width over its own width.
    private static Task<double> ZoomAsync(IPage page, string activityId) =>
        page.Locator($".kw-node[data-activity-id={activityId}]").EvaluateAsync<double>("n => n.getBoundingClientRect().width / n.offsetWidth");

    private static Task WaitForZoomAsync(IPage page, double zoom) =>
        page.WaitForFunctionAsync(
            "z => { const n = document.querySelector('.kw-node[data-activity-id=start]'); return Math.abs(n.getBoundingClientRect().width / n.offsetWidth - z) < 0.01; }",
            zoom);

    private static async Task AssertInCanvasAsync(IPage page, string activityId)
    {
        var canvas = (await page.Locator(".kw-designer__canvas").BoundingBoxAsync())!;
        var node = (await page.Locator($".kw-node[data-activity-id={activityId}]").BoundingBoxAsync())!;
        Assert.True(node.X >= canvas.X && node.Y >= canvas.Y && node.X + node.Width <= canvas.X + canvas.Width && node.Y + node.Height <= canvas.Y + canvas.Height,
            $"{activityId} at {node.X},{node.Y} {node.Width}x{node.Height} is outside the canvas {canvas.X},{canvas.Y} {canvas.Width}x{canvas.Height}.");
    }

    // A link measured at the wrong zoom starts or ends away from its ports, in empty canvas.
    private static async Task AssertLinkMeetsPortsAsync(IPage page, string from, string to)
    {
        var source = (await page.Locator($".kw-node[data-activity-id={from}] .kw-port--out").First.BoundingBoxAsync())!;
        var target = (await page.Locator($".kw-node[data-activity-id={to}] .kw-port--in").BoundingBoxAsync())!;
        var links = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('.diagram-link > path:first-of-type')].map(p => p.getBoundingClientRect()).map(r => [r.left, r.right])");
        var closest = links.Select(l => Math.Abs(l[0] - (source.X + source.Width)) + Math.Abs(l[1] - target.X)).DefaultIfEmpty(double.PositiveInfinity).Min();
        // The line stops where the arrow head (10 px at 100 %) begins; a port measured at the wrong zoom is off by far more.
        Assert.True(closest < 14, $"No link runs from {from}'s port to {to}'s (the closest is {closest} px off).");
    }
}
