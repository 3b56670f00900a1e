using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Execute_ShippedPhoneScheme_FinishesWithTheRussianScript()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateAdminClient();

        var response = await client.PostAsJsonAsync("/api/workflow-definitions/contact-scheme-phone/execute", new { input = new { callerKind = "potential" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Finished", (string?)body!["subStatus"]);
        Assert.StartsWith("Проект Kitchen Lab обновляется", (string?)body["output"]!["script"], StringComparison.Ordinal);
    }
}
