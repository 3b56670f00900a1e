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

    private async Task<string> StartCallAsync()
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
        return (string)instance["workflowInstanceId"]!;
    }

    private async Task<JsonNode> GetAsAsync(string path, params string[] roles)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await Client.SendAsync(roles.Length == 0 ? request : TestPrincipal.As(request, "someone", roles));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    [Theory]
    [InlineData("designer")]
    [InlineData("api-client")]
    [InlineData("service-centre")]
    public async Task InstanceJournalAndList_ForARoleWithoutNeed_AreMasked(string role)
    {
        var id = await StartCallAsync();

        var instance = await GetAsAsync($"/api/workflow-instances/{id}", role);
        var journal = await GetAsAsync($"/api/workflow-instances/{id}/journal", role);
        var list = await GetAsAsync($"/api/workflow-instances?correlationId=%2B79165551267", role);

        Assert.Equal(MaskedPhone, (string?)instance["input"]!["phone"]);
        Assert.Equal("И*** П***", (string?)instance["input"]!["clientName"]);
        Assert.Equal("existing", (string?)instance["input"]!["callerKind"]);
        Assert.Equal("почта i***@example.ru", (string?)instance["input"]!["note"]);
        Assert.Equal("+7 9** *** ** 67", (string?)instance["correlationId"]);
        Assert.Equal("Перезвонить Иван Петров на " + MaskedPhone, (string?)journal.AsArray().Single(e => (string?)e!["activityId"] == "say")!["message"]);
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal(MaskedPhone, (string?)i!["correlationId"]));
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("admin")]
    [InlineData("designer", "operator")]
    public async Task InstanceAndJournal_ForOperatorsAndAdmins_AreAsStored(params string[] roles)
    {
        var id = await StartCallAsync();

        var instance = await GetAsAsync($"/api/workflow-instances/{id}", roles);
        var journal = await GetAsAsync($"/api/workflow-instances/{id}/journal", roles);

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
