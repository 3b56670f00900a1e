using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Validation;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.LogPersistence;

/// <summary>
/// Elsa's log persistence modes decide what the journal keeps of an activity's inputs: the workflow's default, the
/// activity's, each input's, in both JSON shapes Elsa writes, so personal data can be kept out of the journal.
/// </summary>
public sealed class JournalLogPersistenceTests
{
    private static JsonObject Settings(JsonNode? defaultMode, JsonNode? textMode = null)
    {
        var settings = new JsonObject { ["default"] = defaultMode, ["outputs"] = new JsonObject() };
        settings["inputs"] = textMode is null ? new JsonObject() : new JsonObject { ["text"] = textMode };
        return new JsonObject { ["logPersistenceMode"] = settings };
    }

    private static JsonObject Write(string id, JsonObject? customProperties = null) =>
        Activity(id, "Elsa.WriteLine", ("text", Input("Literal", "Иван, +7 916 555 12 34", "String")), ("customProperties", customProperties ?? []));

    private static async Task<IReadOnlyList<string?>> LinesAsync(JsonObject definition)
    {
        await using var harness = new EngineHarness();
        var result = await harness.RunAsync(definition.ToJsonString());
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        return EngineHarness.Lines(result.Journal);
    }

    [Fact]
    public async Task Run_ElsaInputOutputLogging_KeepsTheTextOfTheFirstAndThirdOnly()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compiler.Compile(EngineHarness.LoadScenario("ElsaCorpus/input-output-logging-1.json"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(["This input should be stored", null, "This input should be stored", null], EngineHarness.Lines(result.Journal));
    }

    [Fact]
    public async Task Run_WorkflowDefaultExclude_LeavesEveryMessageOutUnlessAnActivityIncludesIt()
    {
        var definition = Chain(Write("Write1"), Write("Write2", Settings("Include")), Write("Write3", Settings("Inherit", "Include")));
        definition["customProperties"] = Settings("Exclude");

        Assert.Equal([null, "Иван, +7 916 555 12 34", "Иван, +7 916 555 12 34"], await LinesAsync(definition));
    }

    [Fact]
    public async Task Run_ModesAsElsaNumbers_AreReadLikeNames()
    {
        // Inherit 0, Include 1, Exclude 2, as Elsa's enum numbers them.
        var definition = Chain(Write("Write1", Settings(2)), Write("Write2", Settings(2, 1)), Write("Write3", Settings(0)));

        Assert.Equal([null, "Иван, +7 916 555 12 34", "Иван, +7 916 555 12 34"], await LinesAsync(definition));
    }

    [Fact]
    public async Task Run_NewerConfigurationWithStrategies_WinsOverTheOlderShape()
    {
        var config = new JsonObject
        {
            ["default"] = new JsonObject { ["evaluationMode"] = "Strategy", ["strategyType"] = "Elsa.Workflows.LogPersistence.Strategies.Exclude, Elsa.Workflows.Core" },
            ["inputs"] = new JsonObject(),
        };
        var custom = Settings("Include");
        custom["logPersistenceConfig"] = config;
        var definition = Chain(Write("Write1", custom));

        Assert.Equal([null], await LinesAsync(definition));
    }

    [Theory]
    [InlineData("getVariable('Secret') ? 'Exclude' : 'Include'", true, null)]
    [InlineData("getVariable('Secret') ? 'Exclude' : 'Include'", false, "Иван, +7 916 555 12 34")]
    [InlineData("throw new Error('no')", true, "Иван, +7 916 555 12 34")]
    public async Task Run_ExpressionSetting_IsEvaluatedOnEachExecution(string script, bool secret, string? expected)
    {
        var config = new JsonObject
        {
            ["inputs"] = new JsonObject
            {
                ["text"] = new JsonObject { ["evaluationMode"] = "Expression", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script } },
            },
        };
        var definition = Chain([Variable("Secret", "Boolean", secret ? "true" : "false")], Write("Write1", new JsonObject { ["logPersistenceConfig"] = config }));

        Assert.Equal([expected], await LinesAsync(definition));
    }

    [Fact]
    public async Task Compile_UnknownMode_ReportsItsPath()
    {
        await using var harness = new EngineHarness();
        var definition = Chain(Write("Write1", Settings("Include", "Hide")));
        definition["customProperties"] = Settings("Never");

        var ex = Assert.Throws<WorkflowDefinitionException>(() => harness.Compile(definition.ToJsonString()));

        Assert.Equal(
            ["$.customProperties.logPersistenceMode.default", "$.root.activities[1].customProperties.logPersistenceMode.inputs.text"],
            ex.Errors.Select(e => e.Path));
    }
}
