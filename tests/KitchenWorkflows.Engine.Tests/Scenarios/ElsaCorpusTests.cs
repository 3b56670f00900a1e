using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.Engine.Tests.Scenarios;

/// <summary>Definitions exported by Elsa 3 itself run unchanged and write the lines Elsa's own tests expect.</summary>
public sealed class ElsaCorpusTests
{
    [Fact]
    public async Task Run_ImplicitLoop_LoopsThroughTheBackEdgeAndFinishes()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compiler.Compile(EngineHarness.LoadScenario("ElsaCorpus/implicit-loop.json"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(["Do something", "Retry", "Do something", "Done"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(2L, result.State.Variables["Counter"] is int i ? i : Convert.ToInt64(result.State.Variables["Counter"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Run_ForkDecisionJoinNone_RunsTheMergeOnTheFirstArrival()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compiler.Compile(EngineHarness.LoadScenario("ElsaCorpus/fork-decision-join-none.json"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(["A", "C"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Run_ForkDecisionJoinWaitAll_FaultsBeforeTheJoinCompletes()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compiler.Compile(EngineHarness.LoadScenario("ElsaCorpus/fork-decision-join-waitall.json"));

        var result = await harness.Runner.StartAsync(workflow, new StartRequest());

        Assert.Equal(["A", "C", "B", "D"], EngineHarness.Lines(result.Journal));
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("cfffbc06a0b6eeb0", incident.ActivityId);
        Assert.Contains("that went south", incident.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ElsaCorpus/fork-decision-join-none.json")]
    [InlineData("ElsaCorpus/fork-decision-join-waitall.json")]
    public void RoundTrip_NestedConnections_WritesTheDocumentItRead(string file)
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", file)))!;

        var written = WorkflowDefinitionSerializer.ToJsonObject(WorkflowDefinitionSerializer.Deserialize(original));

        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }

    [Fact]
    public void RoundTrip_FlatConnections_WritesNestedConnectionsAndKeepsEverythingElse()
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "ElsaCorpus/implicit-loop.json")))!.AsObject();

        var written = WorkflowDefinitionSerializer.ToJsonObject(WorkflowDefinitionSerializer.Deserialize(original));

        var flat = original["root"]!["connections"]!.AsArray();
        var nested = written["root"]!["connections"]!.AsArray();
        Assert.Equal(flat.Count, nested.Count);
        for (var i = 0; i < flat.Count; i++)
        {
            Assert.Equal((string?)flat[i]!["source"], (string?)nested[i]!["source"]!["activity"]);
            Assert.Equal((string?)flat[i]!["sourcePort"], (string?)nested[i]!["source"]!["port"]);
            Assert.Equal((string?)flat[i]!["target"], (string?)nested[i]!["target"]!["activity"]);
            Assert.Equal((string?)flat[i]!["targetPort"], (string?)nested[i]!["target"]!["port"]);
        }

        original["root"]!.AsObject().Remove("connections");
        written["root"]!.AsObject().Remove("connections");
        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }
}
