using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.ElsaApi;

/// <summary>Elsa's descriptor, feature and scripting routes: what Elsa Studio's picker, property panel and editors are built from.</summary>
public sealed class ElsaDescriptorsTests(SqliteServer server) : ApiTestBase(server), IClassFixture<SqliteServer>
{
    [Fact]
    public async Task ActivityDescriptors_IncludeKitchenLabActivitiesWithInputsAndPorts()
    {
        var list = (await Client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!;

        ElsaContracts.AssertMeets(ElsaContracts.List, list, "descriptors");
        ElsaContracts.AssertEachMeets(ElsaContracts.ActivityDescriptor, list["items"], "descriptor");
        var items = list["items"]!.AsArray();
        Assert.Equal(items.Count, (int)list["count"]!);
        var sms = Assert.Single(items, d => (string?)d!["typeName"] == "KitchenLab.SendSms")!;
        Assert.Equal("KitchenLab", (string?)sms["namespace"]);
        Assert.Equal("SendSms", (string?)sms["name"]);
        ElsaContracts.AssertEachMeets(ElsaContracts.InputDescriptor, sms["inputs"], "input");
        Assert.NotEmpty(sms["inputs"]!.AsArray());
        Assert.All(sms["inputs"]!.AsArray(), i => Assert.True((bool)i!["isWrapped"]!));
        ElsaContracts.AssertEachMeets(ElsaContracts.Port, sms["ports"], "port");
        Assert.All(sms["ports"]!.AsArray(), p => Assert.Equal("Flow", (string?)p!["type"]));
        var decision = Assert.Single(items, d => (string?)d!["typeName"] == "Elsa.FlowDecision")!;
        Assert.Equal(["True", "False"], decision["ports"]!.AsArray().Select(p => (string)p!["name"]!));
        // Elsa spells its hints as one word (singleline, multiline, multitext); ours have a hyphen.
        var hints = items.SelectMany(d => d!["inputs"]!.AsArray().Select(i => (string)i!["uiHint"]!)).ToHashSet();
        Assert.Contains("singleline", hints);
        Assert.DoesNotContain("single-line", hints);
        Assert.DoesNotContain("multi-line", hints);
        Assert.True((bool)Assert.Single(items, d => (string?)d!["typeName"] == "Elsa.Start")!["isStart"]!);
        Assert.Contains(items, d => (string?)d!["kind"] == "Trigger");
    }

    [Fact]
    public async Task OtherDescriptors_AnswerElsasShapes()
    {
        var expressions = (await Client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/expression-descriptors"))!;
        ElsaContracts.AssertEachMeets(ElsaContracts.ExpressionDescriptor, expressions["items"], "expression");
        var javaScript = Assert.Single(expressions["items"]!.AsArray(), e => (string?)e!["type"] == "JavaScript")!;
        Assert.Equal("javascript", (string?)javaScript["properties"]!["MonacoLanguage"]);

        var variables = (await Client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/variables"))!;
        ElsaContracts.AssertEachMeets(ElsaContracts.VariableTypeDescriptor, variables["items"], "variable type");
        Assert.Contains(variables["items"]!.AsArray(), v => (string?)v!["typeName"] == "String" && (string?)v["category"] == "Primitives");

        ElsaContracts.AssertEachMeets(ElsaContracts.StorageDriverDescriptor, (await Client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/storage-drivers"))!["items"], "storage driver");
        foreach (var kind in new[] { "workflow-activation-strategies", "incident-strategies", "log-persistence-strategies" })
        {
            var strategies = (await Client.GetFromJsonAsync<JsonObject>($"/elsa/api/descriptors/{kind}"))!;
            ElsaContracts.AssertMeets(ElsaContracts.List, strategies, kind);
            ElsaContracts.AssertEachMeets(ElsaContracts.StrategyDescriptor, strategies["items"], kind);
            Assert.Single(strategies["items"]!.AsArray());
        }

        Assert.Empty((await Client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/commit-strategies/workflows"))!["items"]!.AsArray());
        var features = (await Client.GetFromJsonAsync<JsonObject>("/elsa/api/features/installed"))!;
        ElsaContracts.AssertEachMeets(ElsaContracts.FeatureDescriptor, features["items"], "feature");
        var fullName = (string)features["items"]![0]!["fullName"]!;
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/elsa/api/features/installed/{fullName}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/elsa/api/features/installed/Elsa.Http.Features.Http")).StatusCode);
    }

    [Fact]
    public async Task DescriptorOptions_ListADropdownsChoices()
    {
        var descriptors = (await Client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();
        var (type, input) = descriptors
            .SelectMany(d => d!["inputs"]!.AsArray().Select(i => (Type: (string)d["typeName"]!, Input: i!)))
            .First(x => x.Input["uiSpecifications"]?["dropdown"] is not null);

        var options = (await (await Client.PostAsJsonAsync($"/elsa/api/descriptors/activities/{type}/options/{input["name"]}", new { })).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.True(JsonNode.DeepEquals(input["uiSpecifications"], options["items"]));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/elsa/api/descriptors/activities/Elsa.Nothing/options/x", new { })).StatusCode);
    }

    [Fact]
    public async Task JavaScriptTypeDefinitions_DeclareTheGlobalsAndTheVariableAccessors()
    {
        var id = NewId("js");
        var definition = JsonNode.Parse(LoadWorkflow("delay.json", id))!.AsObject();
        definition["variables"] = new JsonArray(new JsonObject { ["name"] = "Counter", ["typeName"] = "Int32" });
        await SaveAsync(definition.ToJsonString());

        var response = await Client.PostAsJsonAsync($"/elsa/api/scripting/javascript/type-definitions/{id}", new { workflowDefinitionId = id });

        Assert.Equal("application/x-typescript", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("declare function getInput(name: string): any;", text, StringComparison.Ordinal);
        Assert.Contains("declare function getCounter(): number;", text, StringComparison.Ordinal);
        Assert.Contains("declare function setCounter(value: number): void;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageVersion_IsTheElsaVersionSpoken()
    {
        Assert.Equal("3.8.0", (string?)(await Client.GetFromJsonAsync<JsonObject>("/elsa/api/package/version"))!["packageVersion"]);
    }
}
