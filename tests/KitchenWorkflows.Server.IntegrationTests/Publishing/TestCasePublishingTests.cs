using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KitchenWorkflows.Server.IntegrationTests.Publishing;

/// <summary>
/// A definition's test cases (<c>customProperties.testCases</c>) guard its publish: a draft whose test case fails is not
/// published, through our API or Elsa's, and the problem lists each failing case with its difference.
/// </summary>
public sealed class TestCasePublishingTests(SqliteServer server) : ApiTestBase(server), IClassFixture<SqliteServer>
{
    // greet (WriteLine "Привет, {name}") -> answer (SetOutput reply = replyScript), with one test case for Анна.
    private static string Greeting(string definitionId, string replyScript, string expectedReply, string caseName = "Анна")
    {
        var definition = JsonNode.Parse(new FlowBuilder(definitionId)
            .Add("greet", "Elsa.WriteLine", ("text", FlowBuilder.Js("\"Привет, \" + getInput(\"name\")")))
            .Add("answer", "Elsa.SetOutput", ("outputName", FlowBuilder.Literal("reply")), ("outputValue", FlowBuilder.Js(replyScript)))
            .Chain("greet", "answer")
            .Json)!.AsObject();
        definition["customProperties"] = new JsonObject
        {
            ["testCases"] = new JsonArray(new JsonObject
            {
                ["name"] = caseName,
                ["input"] = new JsonObject { ["name"] = "Анна" },
                ["expected"] = new JsonObject
                {
                    ["status"] = "Finished",
                    ["outputs"] = new JsonObject { ["reply"] = expectedReply },
                    ["journal"] = new JsonArray("Привет, Анна"),
                    ["path"] = new JsonArray("greet", "answer"),
                },
            }),
        };
        return definition.ToJsonString();
    }

    [Fact]
    public async Task Publish_DraftBreaksATestCase_Refuses409WithTheDifferenceAndKeepsThePublishedVersion()
    {
        var id = NewId("guarded");
        await SaveAsync(Greeting(id, "\"Здравствуйте, \" + getInput(\"name\")", "Здравствуйте, Анна"));
        await PublishAsync(id);
        await SaveAsync(Greeting(id, "\"Добрый день, \" + getInput(\"name\")", "Здравствуйте, Анна"));

        var problem = await AssertProblemAsync(await Client.PostAsync($"/api/workflow-definitions/{id}/publish", content: null), HttpStatusCode.Conflict);
        var elsa = await AssertProblemAsync(await Client.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/publish", new { }), HttpStatusCode.Conflict);

        var failed = Assert.Single(problem["testCases"]!.AsArray())!;
        Assert.Equal("Анна", (string?)failed["name"]);
        var difference = Assert.Single(failed["differences"]!.AsArray())!;
        Assert.Equal(("output 'reply'", "\"Здравствуйте, Анна\"", "\"Добрый день, Анна\""), ((string?)difference["what"], (string?)difference["expected"], (string?)difference["actual"]));
        Assert.Equal("Анна", (string?)elsa["testCases"]![0]!["name"]);
        var published = (await Client.GetFromJsonAsync<JsonObject>($"/api/workflow-definitions/{id}?version=published"))!;
        Assert.Equal(1, (int)published["version"]!);
    }

    [Fact]
    public async Task Publish_DraftUpdatesItsTestCaseWithTheScript_Publishes()
    {
        var id = NewId("guarded");
        await SaveAsync(Greeting(id, "\"Здравствуйте, \" + getInput(\"name\")", "Здравствуйте, Анна"));
        await PublishAsync(id);
        await SaveAsync(Greeting(id, "\"Добрый день, \" + getInput(\"name\")", "Добрый день, Анна"));

        var published = await PublishAsync(id);

        Assert.Equal(2, (int)published["version"]!);
    }

    [Fact]
    public async Task RunTestCases_LatestDraft_AnswersEachCaseWithItsOutcome()
    {
        var id = NewId("cases");
        await SaveAsync(Greeting(id, "\"Добрый день, \" + getInput(\"name\")", "Здравствуйте, Анна"));

        var response = await Client.PostAsync($"/api/workflow-definitions/{id}/test-cases/run", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = Assert.Single((await response.Content.ReadFromJsonAsync<JsonArray>())!)!;
        Assert.False((bool)result["passed"]!);
        Assert.Equal(["greet", "answer"], result["actual"]!["path"]!.AsArray().Select(p => (string?)p));
        Assert.Equal("Добрый день, Анна", (string?)result["actual"]!["outputs"]!["reply"]);
    }

    [Fact]
    public async Task Save_TestCaseWithoutAName_400AtItsPath()
    {
        var response = await Client.PostAsync("/api/workflow-definitions", Json(Greeting(NewId("unnamed"), "\"x\"", "x", caseName: "")));

        Assert.Contains("$.customProperties.testCases[0].name", await AssertValidationProblemAsync(response));
    }

    [Fact]
    public async Task TestRun_UnknownDefinition_404()
    {
        await AssertProblemAsync(await Client.PostAsJsonAsync($"/api/workflow-definitions/{NewId("none")}/test-run", new { input = new { } }), HttpStatusCode.NotFound);
    }
}
