using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using static KitchenWorkflows.Engine.Tests.NestedWorkflows;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Definitions;

/// <summary>A root that is no flowchart is held as the one activity of an implicit flowchart and written back as the root.</summary>
public sealed class RootActivityTests
{
    [Fact]
    public void RoundTrip_SequenceRoot_WritesTheRootItRead()
    {
        var root = Sequence("Seq1", Text("A", "a"), Line("B", "'b'"));
        root["customProperties"] = new JsonObject();
        root["metadata"] = new JsonObject();
        var original = Definition(root);

        var read = WorkflowDefinitionSerializer.Deserialize(original);
        var written = WorkflowDefinitionSerializer.ToJsonObject(read);

        Assert.Equal(["Seq1"], read.Root.Activities.Select(a => a.Id));
        Assert.Equal(["A", "B"], read.Root.Activities[0].Nested.Select(n => n.Node.Id));
        Assert.True(JsonNode.DeepEquals(original["root"], written["root"]), written["root"]!.ToJsonString());
    }

    [Fact]
    public void Write_ActivityAddedBesideASingleRoot_WritesAFlowchartOfBoth()
    {
        var definition = WorkflowDefinitionSerializer.Deserialize(Definition(Text("A", "a")));
        definition.Root.Activities.Add(new ActivityNode { Id = "B", Type = "Elsa.WriteLine" });

        var written = WorkflowDefinitionSerializer.ToJsonObject(definition);

        Assert.Equal(FlowchartDefinition.TypeName, (string?)written["root"]!["type"]);
        Assert.Equal(["A", "B"], written["root"]!["activities"]!.AsArray().Select(a => (string?)a!["id"]));
    }
}
