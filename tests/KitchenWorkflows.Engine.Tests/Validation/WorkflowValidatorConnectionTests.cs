using System.Text.Json.Nodes;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Validation;

/// <summary>
/// Connections to missing activities or ports, and a start that cannot be found, are reported at the
/// path of the connection shape that was read (nested 3.1+ or flat 3.0).
/// </summary>
public sealed class WorkflowValidatorConnectionTests
{
    // Start1 → Write1 → Write2 with whatever connections the test gives.
    private static JsonObject WithConnections(params JsonObject[] connections)
    {
        var definition = Chain(WriteLine("Write1", "Literal", "a"), WriteLine("Write2", "Literal", "b"));
        definition["root"]!["connections"] = new JsonArray(connections);
        return definition;
    }

    private static JsonObject Flat(string source, string sourcePort, string target, string targetPort = "In") => new()
    {
        ["source"] = source,
        ["sourcePort"] = sourcePort,
        ["target"] = target,
        ["targetPort"] = targetPort,
    };

    [Fact]
    public void Validate_NestedConnectionFromAMissingActivity_ReportsTheSourceActivity()
    {
        var definition = WithConnections(Connection("Start1", "Done", "Write1"), Connection("Ghost", "Done", "Write2"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.connections[1].source.activity", error.Path);
        Assert.Contains("Ghost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NestedConnectionToAMissingActivity_ReportsTheTargetActivity()
    {
        var definition = WithConnections(Connection("Start1", "Done", "Write1"), Connection("Write1", "Done", "Write2"), Connection("Write2", "Done", "Ghost"));

        Assert.Equal(["$.root.connections[2].target.activity"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_FlatConnectionFromAMissingActivity_ReportsTheSource()
    {
        var definition = WithConnections(Flat("Start1", "Done", "Write1"), Flat("Ghost", "Done", "Write2"));

        Assert.Equal(["$.root.connections[1].source"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_FlatConnectionToAMissingActivity_ReportsTheTarget()
    {
        var definition = WithConnections(Flat("Start1", "Done", "Write1"), Flat("Write1", "Done", "Write2"), Flat("Write2", "Done", "Ghost"));

        Assert.Equal(["$.root.connections[2].target"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_NestedConnectionFromAMissingPort_ReportsTheSourcePort()
    {
        var definition = WithConnections(Connection("Start1", "Done", "Write1"), Connection("Write1", "True", "Write2"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.connections[1].source.port", error.Path);
        Assert.Contains("'True'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FlatConnectionFromAMissingPort_ReportsTheSourcePort()
    {
        var definition = WithConnections(Flat("Start1", "Done", "Write1"), Flat("Write1", "done", "Write2"));

        Assert.Equal(["$.root.connections[1].sourcePort"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_NestedConnectionIntoAPortOtherThanIn_ReportsTheTargetPort()
    {
        var definition = WithConnections(Connection("Start1", "Done", "Write1"), Connection("Write1", "Done", "Write2", "Out"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.connections[1].target.port", error.Path);
        Assert.Contains("'Out'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FlatConnectionIntoAPortOtherThanIn_ReportsTheTargetPort()
    {
        var definition = WithConnections(Flat("Start1", "Done", "Write1"), Flat("Write1", "Done", "Write2", "Done"));

        Assert.Equal(["$.root.connections[1].targetPort"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_ConnectionsFromDynamicPorts_ReportsNothing()
    {
        var cases = new JsonArray(new JsonObject { ["label"] = "Vip", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "true" } });
        var definition = Chain(
            Activity("Switch1", "Elsa.FlowSwitch", ("cases", cases)),
            Activity("Script1", "Elsa.RunJavaScript", ("script", Input("Literal", "setOutcome('Later')", "String")), ("possibleOutcomes", Input("Literal", "[\"Later\"]"))),
            WriteLine("Write1", "Literal", "a"));
        definition["root"]!["connections"] = new JsonArray(
            Connection("Start1", "Done", "Switch1"),
            Connection("Switch1", "Vip", "Script1"),
            Connection("Switch1", "Default", "Write1"),
            Connection("Script1", "Later", "Write1"));

        Assert.Empty(BuiltInValidator.Validate(definition));
    }

    [Theory]
    [InlineData("Elsa.RunJavaScript", "possibleOutcomes")]
    [InlineData("Elsa.Fork", "branches")]
    public void Validate_ConnectionFromAnActivityWhosePortsDoNotParse_ReportsTheSourcePortInsteadOfThrowing(string type, string portsInput)
    {
        var definition = Chain(
            Activity("Dynamic1", type, ("script", Input("Literal", "1", "String")), (portsInput, Input("Literal", "[\"Later\""))),
            WriteLine("Write1", "Literal", "a"));

        var errors = BuiltInValidator.Validate(definition);

        Assert.Contains(errors, e => e.Path == "$.root.connections[1].source.port");
    }

    [Fact]
    public void Validate_EveryActivityHasAnInboundConnection_ReportsTheRoot()
    {
        var definition = Chain(WriteLine("Write1", "Literal", "a"), WriteLine("Write2", "Literal", "b"));
        var activities = definition["root"]!["activities"]!.AsArray();
        activities.RemoveAt(0);
        definition["root"]!["connections"] = new JsonArray(Connection("Write1", "Done", "Write2"), Connection("Write2", "Done", "Write1"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root", error.Path);
        Assert.Contains("no start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StartNamingAMissingActivity_ReportsTheStart()
    {
        var definition = Chain(WriteLine("Write1", "Literal", "a"));
        definition["root"]!["start"] = "Start2";

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.start", error.Path);
        Assert.Contains("Start2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyFlowchart_ReportsNothing()
    {
        var definition = Chain();
        definition["root"]!["activities"] = new JsonArray();
        definition["root"]!["connections"] = new JsonArray();

        Assert.Empty(BuiltInValidator.Validate(definition));
    }
}
