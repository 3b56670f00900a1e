using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Alterations;
using KitchenWorkflows.Engine.Execution;
using static KitchenWorkflows.Engine.Tests.NestedWorkflows;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Alterations;

public sealed class InstanceAltererTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Migrate_ConvertsAVariableWhoseTypeChanged_AndGivesANewVariableItsInitialValue()
    {
        await using var harness = new EngineHarness();
        var v1 = harness.Compile(Json(Chain([Variable("Count", "String", "5")], Wait("wait", "go"))));
        var v2 = harness.Compile(Json(Version(2, Chain([Variable("Count", "Int32"), Variable("Extra", "String", "fresh")], Wait("wait", "go")))));
        var state = (await harness.Runner.StartAsync(v1, new StartRequest())).State;

        var outcome = InstanceAlterer.Apply(state, v1, [new MigrateAlteration(2)], Versions(v2), "test", Now);

        Assert.True(outcome.Applies);
        var map = outcome.Steps[0].Migration!;
        Assert.Equal([("Count", true, "converted to Int32"), ("Extra", true, "new in version 2: starts with its initial value")], map.Variables.Select(v => (v.Id, v.Maps, v.Note)));
        Assert.Equal((2, 5, "fresh"), (state.DefinitionVersion, state.Variables["Count"], state.Variables["Extra"]));
        Assert.Same(v2, outcome.Workflow);
        var entry = Assert.Single(outcome.Journal);
        Assert.Equal((state.JournalSequence, InstanceAlterer.JournalActivityType, "Flowchart1"), (entry.Sequence, entry.ActivityType, entry.ActivityId));
    }

    [Fact]
    public async Task Migrate_AValueThatDoesNotConvert_DoesNotMap_AndChangesNothing()
    {
        await using var harness = new EngineHarness();
        var v1 = harness.Compile(Json(Chain([Variable("Count", "String", "many")], Wait("wait", "go"))));
        var v2 = harness.Compile(Json(Version(2, Chain([Variable("Count", "Int32")], Wait("wait", "go")))));
        var state = (await harness.Runner.StartAsync(v1, new StartRequest())).State;
        var sequence = state.JournalSequence;

        var outcome = InstanceAlterer.Apply(state, v1, [new MigrateAlteration(2)], Versions(v2), "test", Now);

        Assert.False(outcome.Applies);
        Assert.False(Assert.Single(outcome.Steps[0].Migration!.Variables).Maps);
        Assert.Equal((1, "many", sequence), (state.DefinitionVersion, state.Variables["Count"], state.JournalSequence));
        Assert.Empty(outcome.Journal);
    }

    [Fact]
    public async Task Migrate_ARunningCompositeMaps_OnlyWhenItsContentIsTheSameButForDesignerPositions()
    {
        await using var harness = new EngineHarness();
        var moved = Sequence("seq", Wait("inner", "go"), Text("after", "a"));
        moved["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 100, ["y"] = 40 } } };
        var v1 = harness.Compile(Json(Chain(Sequence("seq", Wait("inner", "go"), Text("after", "a")))));
        var v2Moved = harness.Compile(Json(Version(2, Chain(moved))));
        var v3Changed = harness.Compile(Json(Version(3, Chain(Sequence("seq", Wait("inner", "go"), Text("after", "b"))))));
        var state = (await harness.Runner.StartAsync(v1, new StartRequest())).State;

        var changed = InstanceAlterer.Apply(state, v1, [new MigrateAlteration(3)], Versions(v3Changed), "test", Now);
        var same = InstanceAlterer.Apply(state, v1, [new MigrateAlteration(2)], Versions(v2Moved), "test", Now);

        Assert.False(changed.Applies);
        Assert.Contains(changed.Steps[0].Migration!.Activities, a => a is { Id: "seq", Maps: false });
        Assert.True(same.Applies);
        Assert.Equal(2, state.DefinitionVersion);
    }

    [Fact]
    public async Task ScheduleAndCancel_AreRefusedInsideAComposite_AndForAnActivityThatIsNotWaiting_AndStopTheList()
    {
        await using var harness = new EngineHarness();
        var workflow = harness.Compile(Json(Chain([Variable("Note", "String")], Wait("wait", "go"), Sequence("seq", Text("inner", "a")))));
        var state = (await harness.Runner.StartAsync(workflow, new StartRequest())).State;

        var nested = InstanceAlterer.Apply(state, workflow, [new ScheduleActivityAlteration("inner"), new ModifyVariableAlteration("Note", "x")], Versions(), "test", Now);
        var idle = InstanceAlterer.Apply(state, workflow, [new CancelActivityAlteration("seq")], Versions(), "test", Now);
        var waiting = InstanceAlterer.Apply(state, workflow, [new CancelActivityAlteration("wait")], Versions(), "test", Now);

        Assert.Contains("nested frame", nested.Steps[0].Message, StringComparison.Ordinal);
        Assert.Equal((false, "Not tried: an alteration before it does not apply."), (nested.Steps[1].Applies, nested.Steps[1].Message));
        Assert.Null(state.Variables["Note"]);
        Assert.Equal((false, "Activity 'seq' is not queued, waiting or running."), (idle.Applies, idle.Steps[0].Message));
        Assert.True(waiting is { Applies: true, RunsOn: true });
        Assert.Empty(state.Bookmarks);
    }

    private static JsonObject Version(int version, JsonObject definition)
    {
        definition["version"] = version;
        definition["id"] = $"{definition["definitionId"]}-v{version}";
        return definition;
    }

    private static Func<int, CompiledWorkflow?> Versions(params CompiledWorkflow[] workflows) =>
        v => workflows.FirstOrDefault(w => w.Version == v);
}
