using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>Bulk actions on the instance list: cancel every instance the filter matches, then delete one ticked by hand, with progress.</summary>
public sealed class InstancesBulkTests(StudioServerFixture server) : IClassFixture<StudioServerFixture>
{
    [ChromiumFact]
    public async Task CancelByFilter_ThenDeleteOneByHand()
    {
        await StudioPage.SaveAsync(server, Waiting);
        using var http = TestKeys.Client(server.BaseAddress, server.AdminKey);
        (await http.PostAsync("api/workflow-definitions/bulk-waiting/publish", null)).EnsureSuccessStatusCode();
        for (var i = 0; i < 3; i++)
        {
            (await http.PostAsJsonAsync("api/workflow-definitions/bulk-waiting/execute", new JsonObject())).EnsureSuccessStatusCode();
        }

        await StudioPage.RunAsync("instances-bulk", async page =>
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "studio/instances?definitionId=bulk-waiting").ToString());
            await page.Locator("[data-testid=instances] tbody tr", new() { HasText = "Suspended" }).Nth(2).WaitForAsync();

            await page.Locator("[data-testid=bulk-scope]").SelectOptionAsync("filter");
            await page.Locator("[data-testid=bulk-cancel]").ClickAsync();
            await page.Locator("[data-testid=bulk-confirm]").ClickAsync();
            await page.Locator("[data-testid=bulk-progress][data-finished=true]", new() { HasText = "3 done" }).WaitForAsync();
            await page.Locator("[data-testid=instances] tbody tr", new() { HasText = "Cancelled" }).Nth(2).WaitForAsync();

            await page.Locator("[data-testid=instances] tbody tr").First.Locator("input[type=checkbox]").CheckAsync();
            await page.Locator("[data-testid=bulk-scope]").SelectOptionAsync("selected");
            await page.Locator("[data-testid=bulk-delete]").ClickAsync();
            await page.Locator("[data-testid=bulk-confirm]").ClickAsync();
            await page.Locator("[data-testid=bulk-progress][data-finished=true]", new() { HasText = "1 done" }).WaitForAsync();
            await page.GetByText("2 instance(s)").WaitForAsync();
        });

        var left = await http.GetFromJsonAsync<JsonObject>("api/workflow-instances?definitionId=bulk-waiting");
        Assert.Equal(2, left!["totalCount"]!.GetValue<int>());
    }

    private const string Waiting = """
        {"id":"bulk-waiting","definitionId":"bulk-waiting","name":"Waits for an event","version":1,"isPublished":false,
         "root":{"type":"Elsa.Flowchart","id":"flow","activities":[
           {"id":"start","type":"Elsa.Start","version":1,"metadata":{"designer":{"position":{"x":40,"y":120}}}},
           {"id":"wait","type":"Elsa.Event","version":1,"eventName":{"typeName":"String","expression":{"type":"Literal","value":"never-published"}},
            "metadata":{"designer":{"position":{"x":360,"y":120}}}}],
          "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"wait","port":"In"}}]}}
        """;
}
