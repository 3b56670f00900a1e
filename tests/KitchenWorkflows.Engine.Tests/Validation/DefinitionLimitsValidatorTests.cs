using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Validation;
using Microsoft.Extensions.Options;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Validation;

/// <summary>Definition size limits: each excess is reported at the JSON path of what is too big.</summary>
public sealed class DefinitionLimitsValidatorTests
{
    private static IReadOnlyList<ValidationError> Validate(System.Text.Json.Nodes.JsonObject definition, DefinitionLimits limits) =>
        new DefinitionLimitsValidator(Options.Create(limits)).Validate(WorkflowDefinitionSerializer.Deserialize(definition.ToJsonString()));

    private static System.Text.Json.Nodes.JsonObject Lines(int count) =>
        Chain([.. Enumerable.Range(1, count).Select(i => WriteLine($"Write{i}", "Literal", "line"))]);

    [Fact]
    public void Validate_WithinEveryLimit_ReportsNothing()
    {
        Assert.Empty(Validate(Lines(3), new DefinitionLimits { MaxActivities = 4, MaxConnections = 3, MaxExpressionLength = 100 }));
    }

    [Fact]
    public void Validate_TooManyActivitiesAndConnections_ReportsBothOnTheirArrays()
    {
        var errors = Validate(Lines(5), new DefinitionLimits { MaxActivities = 4, MaxConnections = 3 });

        Assert.Equal(["$.root.activities", "$.root.connections"], errors.Select(e => e.Path));
        Assert.Contains("6 activities; at most 4", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Limits:MaxConnections", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ScriptTooLong_ReportsTheInputsExpressionValue()
    {
        var definition = Chain(WriteLine("Write1", "Literal", "short"), WriteLine("Write2", "JavaScript", "'" + new string('x', 200) + "'"));

        var error = Assert.Single(Validate(definition, new DefinitionLimits { MaxExpressionLength = 100 }));

        Assert.Equal("$.root.activities[2].text.expression.value", error.Path);
        Assert.Contains("202 characters long; at most 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NestedActivities_CountAndHaveTheirScriptsChecked()
    {
        var loop = NestedWorkflows.ForEach("Loop1", "[1]", NestedWorkflows.Sequence("Body", WriteLine("Write1", "Literal", "a"), WriteLine("Write2", "JavaScript", "'" + new string('x', 200) + "'")));

        var errors = Validate(Chain(loop), new DefinitionLimits { MaxActivities = 4, MaxExpressionLength = 100 });

        Assert.Equal(["$.root.activities", "$.root.activities[1].body.activities[1].text.expression.value"], errors.Select(e => e.Path));
        Assert.Contains("5 activities; at most 4", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefinitionTooBig_ReportsTheWholeDocument()
    {
        var error = Assert.Single(Validate(Lines(40), new DefinitionLimits { MaxDefinitionBytes = 2_000 }));

        Assert.Equal("$", error.Path);
        Assert.Contains("Limits:MaxDefinitionBytes", error.Message, StringComparison.Ordinal);
    }
}
