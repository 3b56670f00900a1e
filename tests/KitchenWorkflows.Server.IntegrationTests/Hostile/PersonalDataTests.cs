using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static KitchenWorkflows.Server.IntegrationTests.Hostile.HostileDefinitions;

namespace KitchenWorkflows.Server.IntegrationTests.Hostile;

/// <summary>
/// Personal data in the instance views: operators and admins see it, every other role sees it masked; and no log
/// entry carries a phone or an e-mail as written.
/// </summary>
public sealed class PersonalDataTests(PersonalDataServer server) : ApiTestBase(server), IClassFixture<PersonalDataServer>
{
    private const string Phone = "+7 916 555-12-67";
    private const string MaskedPhone = "+7 9** *** ** 67";

    private readonly PersonalDataServer _server = server;

    private async Task<(string DefinitionId, string InstanceId)> StartCallAsync()
    {
        var id = NewId("pii");
        var definition = Chain(id, new JsonObject
        {
            ["id"] = "say",
            ["type"] = "Elsa.WriteLine",
            ["version"] = 1,
            ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "'Перезвонить ' + getInput('clientName') + ' на ' + getInput('phone')" } },
        });
        await SaveAsync(definition.ToJsonString());
        await PublishAsync(id);
        var instance = await ExecuteAsync(id, new
        {
            correlationId = "+79165551267",
            input = new { phone = Phone, clientName = "Иван Петров", callerKind = "existing", note = "почта ivan.petrov@example.ru" },
        });
        return (id, (string)instance["workflowInstanceId"]!);
    }

    // Reads as a fresh key of that role (an API client's allowed to run the call's definition).
    private async Task<JsonNode> GetAsAsync(string path, string role, string definitionId)
    {
        var key = await CreateKeyAsync(role == "api-client"
            ? new { name = "pii " + role, role, definitionIds = new[] { definitionId } }
            : (object)new { name = "pii " + role, role });
        using var client = ClientWithKey(key);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    [Fact]
    public async Task InstanceJournalAndList_ForADesigner_AreMasked()
    {
        var (definitionId, id) = await StartCallAsync();

        var instance = await GetAsAsync($"/api/workflow-instances/{id}", "designer", definitionId);
        var journal = await GetAsAsync($"/api/workflow-instances/{id}/journal", "designer", definitionId);
        var list = await GetAsAsync($"/api/workflow-instances?correlationId=%2B79165551267", "designer", definitionId);

        Assert.Equal(MaskedPhone, (string?)instance["input"]!["phone"]);
        Assert.Equal("И*** П***", (string?)instance["input"]!["clientName"]);
        Assert.Equal("existing", (string?)instance["input"]!["callerKind"]);
        Assert.Equal("почта i***@example.ru", (string?)instance["input"]!["note"]);
        Assert.Equal("+7 9** *** ** 67", (string?)instance["correlationId"]);
        Assert.Equal("Перезвонить Иван Петров на " + MaskedPhone, (string?)journal.AsArray().Single(e => (string?)e!["activityId"] == "say")!["message"]);
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal(MaskedPhone, (string?)i!["correlationId"]));
    }

    [Fact]
    public async Task Instance_ForAnApiClient_IsMasked()
    {
        var (definitionId, id) = await StartCallAsync();

        var instance = await GetAsAsync($"/api/workflow-instances/{id}", "api-client", definitionId);

        Assert.Equal(MaskedPhone, (string?)instance["input"]!["phone"]);
        Assert.Equal("И*** П***", (string?)instance["input"]!["clientName"]);
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("admin")]
    public async Task InstanceAndJournal_ForOperatorsAndAdmins_AreAsStored(string role)
    {
        var (definitionId, id) = await StartCallAsync();

        var instance = await GetAsAsync($"/api/workflow-instances/{id}", role, definitionId);
        var journal = await GetAsAsync($"/api/workflow-instances/{id}/journal", role, definitionId);

        Assert.Equal(Phone, (string?)instance["input"]!["phone"]);
        Assert.Equal("Иван Петров", (string?)instance["input"]!["clientName"]);
        Assert.Equal("+79165551267", (string?)instance["correlationId"]);
        Assert.Equal("Перезвонить Иван Петров на " + Phone, (string?)journal.AsArray().Single(e => (string?)e!["activityId"] == "say")!["message"]);
    }

    [Fact]
    public async Task Logs_ScriptFailingWithAPhoneAndAnEmail_CarryThemMasked()
    {
        var id = NewId("pii-log");
        await SaveAsync(Script(id, "throw new Error('Клиент " + Phone + ", ivan.petrov@example.ru, не отвечает')").ToJsonString());
        await PublishAsync(id);

        var instance = await ExecuteAsync(id, new { correlationId = "+79165551267" });

        Assert.Equal("Faulted", (string?)instance["subStatus"]);
        var entries = _server.Logs.Entries.ToArray();
        Assert.Contains(entries, e => e.Contains(id, StringComparison.Ordinal) && e.Contains("Клиент " + MaskedPhone + ", i***@example.ru", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("555-12-67", StringComparison.Ordinal) || e.Contains("79165551267", StringComparison.Ordinal) || e.Contains("ivan.petrov@", StringComparison.Ordinal));
    }
}
