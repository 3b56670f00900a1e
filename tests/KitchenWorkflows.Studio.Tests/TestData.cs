using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Studio.Api;

namespace KitchenWorkflows.Studio.Tests;

/// <summary>Activity types and definitions shaped like the server's, for component tests.</summary>
internal static class TestData
{
    public static readonly InputInfo TextInput = new("text", "Text", "String", "The text to write.", true, "multi-line", null, "Literal", null);

    public static readonly ActivityTypeInfo WriteLine = new("Elsa.WriteLine", 1, "Write line", "Primitives", "Write a line to the journal.", ["Done"], false, false, [TextInput]);

    public static readonly ActivityTypeInfo Start = new("Elsa.Start", 1, "Start", "Primitives", "Where the flow starts.", ["Done"], false, true, []);

    public static InputInfo Input(string name, string type, string hint, IReadOnlyList<string>? options = null) =>
        new(name, name, type, "", false, hint, options, "Literal", null);

    public static ActivityInput Literal(string text) => new() { TypeName = "String", Expression = WorkflowExpression.Literal(text) };

    /// <summary>Start → WriteLine, with positions.</summary>
    public static WorkflowDefinition TwoStep(string text = "Здравствуйте")
    {
        var definition = new WorkflowDefinition { Id = "two-step", DefinitionId = "two-step", Name = "Two steps" };
        var start = new ActivityNode { Id = "start", Type = "Elsa.Start" };
        start.Metadata["designer"] = new System.Text.Json.Nodes.JsonObject { ["position"] = new System.Text.Json.Nodes.JsonObject { ["x"] = 40, ["y"] = 120 } };
        var write = new ActivityNode { Id = "write", Type = "Elsa.WriteLine" };
        write.Inputs["text"] = Literal(text);
        write.Metadata["designer"] = new System.Text.Json.Nodes.JsonObject { ["position"] = new System.Text.Json.Nodes.JsonObject { ["x"] = 360, ["y"] = 140 } };
        definition.Root.Activities.AddRange([start, write]);
        definition.Root.Connections.Add(new Connection { Source = "start", SourcePort = "Done", Target = "write" });
        return definition;
    }
}
