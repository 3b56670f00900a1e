using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Validation;
using static KitchenWorkflows.Engine.Tests.NestedWorkflows;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Validation;

/// <summary>Problems of nested activities are reported at their JSON paths inside the activities that hold them.</summary>
public sealed class NestedValidationTests
{
    [Fact]
    public void Validate_ProblemsInsideNestedActivities_AreReportedAtTheirPaths()
    {
        var definition = Chain(
            Sequence("Seq1", Text("Ok", "ok"), ForEach("Loop1", "[1]", Sequence("Body", Activity("Ghost1", "Elsa.NoSuchThing"), Activity("Wait1", "Elsa.Event")))),
            Flowchart("Inner", [Text("F1", "f1"), Text("Ok", "again")], Connection("F1", "Done", "Nowhere")));

        var paths = BuiltInValidator.ErrorPaths(definition);

        Assert.Equal(
            [
                "$.root.activities[1].activities[1].body.activities[0].type",
                "$.root.activities[1].activities[1].body.activities[1].eventName",
                "$.root.activities[2].activities[1].id",
                "$.root.activities[2].connections[0].target.activity",
            ],
            paths);
    }

    [Fact]
    public void Validate_SingleActivityRootWithAProblem_ReportsItAtTheRoot()
    {
        var definition = Definition(Activity("Wait1", "Elsa.Event"));

        Assert.Equal(["$.root.eventName"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Read_NestedActivityOfTheWrongShape_ReportsItsPath()
    {
        var definition = Definition(Sequence("Seq1", Activity("Write1", "Elsa.WriteLine", ("version", "one"))));

        var ex = Assert.Throws<WorkflowDefinitionException>(() => WorkflowDefinitionSerializer.Deserialize(definition));

        Assert.Equal(["$.root.activities[0].version"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Validate_SwitchCaseWithoutCondition_ReportsTheCase()
    {
        var @switch = Activity("Switch1", "Elsa.Switch");
        @switch["cases"] = new JsonArray(new JsonObject { ["label"] = "a", ["activity"] = Text("A", "a") });

        Assert.Equal(["$.root.cases[0].condition"], BuiltInValidator.ErrorPaths(Definition(@switch)));
    }
}
