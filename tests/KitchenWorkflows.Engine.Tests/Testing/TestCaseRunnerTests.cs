using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Tests.Testing;

/// <summary>Test cases kept in a definition, run in memory and compared with what they expect.</summary>
public sealed class TestCaseRunnerTests
{
    // start: greet (WriteLine "Привет, {name}") -> answer (SetOutput reply = "Здравствуйте, {name}")
    private static WorkflowDefinition Greeting(string reply = "\"Здравствуйте, \" + getInput(\"name\")") =>
        WorkflowDefinitionSerializer.Deserialize(new FlowBuilder("greeting")
            .Add("greet", "Elsa.WriteLine", ("text", FlowBuilder.Js("\"Привет, \" + getInput(\"name\")")))
            .Add("answer", "Elsa.SetOutput", ("outputName", FlowBuilder.Literal("reply")), ("outputValue", FlowBuilder.Js(reply)))
            .Chain("greet", "answer")
            .Json);

    private static WorkflowTestCase Case(string name, string person, string reply) => new()
    {
        Name = name,
        Input = new() { ["name"] = person },
        Expected = new TestCaseExpectation
        {
            Status = WorkflowSubStatus.Finished,
            Outputs = new() { ["reply"] = reply },
            Journal = ["Привет, " + person],
            Path = ["greet", "answer"],
        },
    };

    [Fact]
    public async Task RunAsync_RunMatchesEveryPart_Passes()
    {
        await using var harness = new EngineHarness();
        var definition = Greeting();
        WorkflowTestCases.Write(definition, [Case("Анна", "Анна", "Здравствуйте, Анна")]);

        var result = Assert.Single(await harness.Services.GetRequiredService<TestCaseRunner>().RunAsync(definition));

        Assert.True(result.Passed, string.Join("; ", result.Differences));
        Assert.Equal(["greet", "answer"], result.Actual.Path);
    }

    [Fact]
    public async Task RunAsync_ScriptChangedTheReply_FailsWithTheOutputDifferenceInRussian()
    {
        await using var harness = new EngineHarness();
        var definition = Greeting("\"Добрый день, \" + getInput(\"name\")");
        WorkflowTestCases.Write(definition, [Case("Анна", "Анна", "Здравствуйте, Анна"), Case("Борис", "Борис", "Добрый день, Борис")]);

        var results = await harness.Services.GetRequiredService<TestCaseRunner>().RunAsync(definition);

        Assert.Equal([("Анна", false), ("Борис", true)], results.Select(r => (r.Name, r.Passed)));
        Assert.Equal(new TestCaseDifference("output 'reply'", "\"Здравствуйте, Анна\"", "\"Добрый день, Анна\""), Assert.Single(results[0].Differences));
    }

    [Fact]
    public void Compare_JournalAndPathPartAtTheSecondStep_NamesOnlyTheFirstPlaceEachParts()
    {
        var expected = new TestCaseExpectation { Journal = ["a", "b", "c"], Path = ["start", "sms", "end"] };
        var actual = new TestRunOutcome { Journal = ["a", "x", "b", "c"], Path = ["start", "end"] };

        var differences = TestCaseComparison.Compare(expected, actual);

        Assert.Equal([new("journal line 2", "b", "x"), new("path step 2", "sms", "end")], differences);
    }

    [Fact]
    public void Problems_MissingAndRepeatedNamesAndANullCase_AreReportedAtTheirPaths()
    {
        var definition = Greeting();
        WorkflowTestCases.Write(definition, [Case("", "a", "b"), Case("same", "a", "b"), Case("same", "a", "b")]);
        var broken = Greeting();
        broken.Extensions["customProperties"] = new JsonObject { ["testCases"] = new JsonArray(new JsonObject { ["name"] = "x", ["input"] = null, ["expected"] = new JsonObject() }) };

        Assert.Equal(
            [new("$.customProperties.testCases[0].name", "A test case needs a name."), new("$.customProperties.testCases[2].name", "There are two test cases named 'same'.")],
            WorkflowTestCases.Problems(definition));
        Assert.Equal("$.customProperties.testCases[0]", Assert.Single(WorkflowTestCases.Problems(broken)).Path);
    }

    [Fact]
    public void Write_ThenSerialize_KeepsTheCasesInCustomPropertiesBesideWhatWasThere()
    {
        var definition = Greeting();
        definition.Extensions["customProperties"] = new JsonObject { ["logPersistence"] = new JsonObject { ["default"] = "Include" } };
        WorkflowTestCases.Write(definition, [Case("Анна", "Анна", "Здравствуйте, Анна")]);

        var read = WorkflowDefinitionSerializer.Deserialize(WorkflowDefinitionSerializer.Serialize(definition));

        var testCase = Assert.Single(WorkflowTestCases.Read(read));
        Assert.Equal("Анна", testCase.Input["name"]);
        Assert.Equal(["greet", "answer"], testCase.Expected.Path!);
        Assert.NotNull(read.Extensions["customProperties"]!["logPersistence"]);
    }

    [Fact]
    public async Task TryAsync_ExpectationOfTheOutcome_PassesAgainstTheSameRun()
    {
        await using var harness = new EngineHarness();
        var runner = harness.Services.GetRequiredService<TestCaseRunner>();
        var definition = Greeting();

        var outcome = await runner.TryAsync(definition, new Dictionary<string, object?> { ["name"] = "Анна" });
        WorkflowTestCases.Write(definition, [new WorkflowTestCase { Name = "saved", Input = new() { ["name"] = "Анна" }, Expected = outcome.ToExpectation() }]);

        Assert.True(Assert.Single(await runner.RunAsync(definition)).Passed);
    }
}
