using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>
/// The list's actions on a workflow: ▶ runs it (at once without inputs, after asking for them with) and shows the new
/// instance; Retract, after asking, leaves it unpublished.
/// </summary>
public sealed class DefinitionListRunTests(StudioServerFixture server) : IClassFixture<StudioServerFixture>
{
    [ChromiumFact]
    public async Task Run_WithoutInputs_OpensTheNewInstance_WithInputs_AsksForThemFirst()
    {
        await PublishAsync(StudioPage.TwoSteps("run-plain"));
        await PublishAsync(WithInput);

        await StudioPage.RunAsync("list-run", async page =>
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "studio").ToString());
            await page.Locator("[data-run=run-plain]").ClickAsync();
            await page.WaitForURLAsync("**/studio/instances/*");
            Assert.Equal("run-plain", (await InstanceAsync(page))["definitionId"]!.GetValue<string>());

            await page.GotoAsync(new Uri(server.BaseAddress, "studio").ToString());
            await page.Locator("[data-run=run-input]").ClickAsync();
            await page.Locator("input[data-input=customer]").FillAsync("Анна");
            await page.Locator("input[data-input=visits]").FillAsync("3");
            await page.Locator("[data-testid=run-workflow]").ClickAsync();
            await page.WaitForURLAsync("**/studio/instances/*");
            var instance = await InstanceAsync(page);
            Assert.Equal("Анна", instance["input"]!["customer"]!.GetValue<string>());
            Assert.Equal(3, instance["input"]!["visits"]!.GetValue<int>());
        });
    }

    [ChromiumFact]
    public async Task Retract_AfterConfirmation_LeavesItUnpublished()
    {
        await PublishAsync(StudioPage.TwoSteps("list-retract"));

        await StudioPage.RunAsync("list-retract", async page =>
        {
            await page.GotoAsync(new Uri(server.BaseAddress, "studio").ToString());
            await page.Locator("[data-retract=list-retract]").ClickAsync();
            await page.Locator("[data-testid=retract-confirm]").ClickAsync();
            await page.Locator("[data-retract=list-retract][disabled]").WaitForAsync();
            await page.Locator("[data-run=list-retract][disabled]").WaitForAsync();
        });

        using var http = TestKeys.Client(server.BaseAddress, server.AdminKey);
        var list = (await http.GetFromJsonAsync<JsonArray>("api/workflow-definitions"))!;
        Assert.Null((int?)list.Single(d => (string?)d!["definitionId"] == "list-retract")!["publishedVersion"]);
    }

    private const string WithInput = """
        {"id":"run-input","definitionId":"run-input","name":"With input","version":1,"isPublished":false,
         "inputs":[{"name":"customer","type":"String","displayName":"Customer"},{"name":"visits","type":"Int32","displayName":"Visits"}],
         "root":{"type":"Elsa.Flowchart","id":"flow","activities":[
           {"id":"start","type":"Elsa.Start","version":1,"metadata":{"designer":{"position":{"x":40,"y":120}}}}],
          "connections":[]}}
        """;

    private async Task PublishAsync(string json)
    {
        await StudioPage.SaveAsync(server, json);
        var definitionId = JsonNode.Parse(json)!["definitionId"]!.GetValue<string>();
        using var http = TestKeys.Client(server.BaseAddress, server.AdminKey);
        using var published = await http.PostAsync($"api/workflow-definitions/{definitionId}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> InstanceAsync(IPage page)
    {
        var instanceId = Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]);
        using var http = TestKeys.Client(server.BaseAddress, server.AdminKey);
        return (await http.GetFromJsonAsync<JsonObject>($"api/workflow-instances/{Uri.EscapeDataString(instanceId)}"))!;
    }
}
