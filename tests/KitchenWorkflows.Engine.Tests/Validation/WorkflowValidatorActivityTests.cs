using System.Text.Json.Nodes;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Validation;

/// <summary>Activity problems (types, ids, required inputs, activity-specific checks) are reported at the activity's path.</summary>
public sealed class WorkflowValidatorActivityTests
{
    [Fact]
    public void Validate_ValidChain_ReportsNothing()
    {
        var definition = Chain(
            [Variable("Counter", "Int32", "0")],
            SetVariable("Set1", "Counter", "JavaScript", "getCounter() + 1"),
            WriteLine("Write1", "Liquid", "{{ Variables.Counter }}"),
            SetOutput("Out1", "Total", "Variable", "Counter"));

        Assert.Empty(BuiltInValidator.Validate(definition));
    }

    [Fact]
    public void Validate_UnknownActivityType_ReportsTheType()
    {
        var definition = Chain(WriteLine("Write1", "Literal", "a"), Activity("Sms1", "KitchenLab.SendSms"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[2].type", error.Path);
        Assert.Contains("KitchenLab.SendSms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ActivityWithoutType_ReportsTheType()
    {
        var definition = Chain(Activity("Blank1", ""));

        Assert.Equal(["$.root.activities[1].type"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_MissingRequiredInput_ReportsTheInput()
    {
        var definition = Chain(WriteLine("Write1", "Literal", "a"), Activity("Publish1", "Elsa.PublishEvent"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[2].eventName", error.Path);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_RequiredInputWithEmptyLiteral_ReportsTheInput(string? text)
    {
        var definition = Chain(Activity("Publish1", "Elsa.PublishEvent", ("eventName", Input("Literal", text, "String"))));

        Assert.Equal(["$.root.activities[1].eventName"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_RequiredInputWithNullExpression_ReportsTheInput()
    {
        var definition = Chain(Activity("Publish1", "Elsa.PublishEvent", ("eventName", new JsonObject { ["typeName"] = "String", ["expression"] = null })));

        Assert.Equal(["$.root.activities[1].eventName"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_WriteLineWithoutText_IsValidAsInElsa()
    {
        var definition = Chain(Activity("Write1", "Elsa.WriteLine"));

        Assert.Empty(BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_DuplicateActivityId_ReportsTheSecondId()
    {
        var definition = Chain(WriteLine("Write1", "Literal", "a"), WriteLine("Write2", "Literal", "b"));
        definition["root"]!["activities"]!.AsArray().Add(WriteLine("Write1", "Literal", "c"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[3].id", error.Path);
        Assert.Contains("Write1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ActivityWithoutId_ReportsTheId()
    {
        var definition = Chain(WriteLine("Write1", "Literal", "a"));
        definition["root"]!["activities"]!.AsArray().Add(new JsonObject { ["type"] = "Elsa.Finish" });

        Assert.Equal(["$.root.activities[2].id"], BuiltInValidator.ErrorPaths(definition));
    }

    [Theory]
    [InlineData("Sometimes")]
    [InlineData("7")]
    [InlineData("Race,Merge")]
    public void Validate_UnknownMergeMode_ReportsTheMergeMode(string mode)
    {
        var write = WriteLine("Write1", "Literal", "a");
        write["customProperties"] = new JsonObject { ["mergeMode"] = mode };

        var error = Assert.Single(BuiltInValidator.Validate(Chain(write)));

        Assert.Equal("$.root.activities[1].customProperties.mergeMode", error.Path);
        Assert.Contains(mode, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Race")]
    [InlineData("converge")]
    [InlineData("None")]
    public void Validate_KnownMergeModeInAnyCase_ReportsNothing(string mode)
    {
        var write = WriteLine("Write1", "Literal", "a");
        write["customProperties"] = new JsonObject { ["mergeMode"] = mode };

        Assert.Empty(BuiltInValidator.Validate(Chain(write)));
    }

    [Fact]
    public void Validate_SetVariableNamingAnUndeclaredVariable_ReportsTheVariable()
    {
        var definition = Chain([Variable("Counter", "Int32")], SetVariable("Set1", "Countr", "Literal", "1"));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[1].variable", error.Path);
        Assert.Contains("not declared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SetVariableWithoutVariable_ReportsTheVariable()
    {
        var definition = Chain([Variable("Counter", "Int32")], Activity("Set1", "Elsa.SetVariable", ("value", Input("Literal", "1"))));

        Assert.Equal(["$.root.activities[1].variable"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_SetVariableNamingTheVariableById_ReportsNothing()
    {
        var definition = Chain(
            [Variable("Counter", "Int32", id: "b1198ecc")],
            Activity("Set1", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "b1198ecc" }), ("value", Input("Literal", "1"))));

        Assert.Empty(BuiltInValidator.Validate(definition));
    }

    [Fact]
    public void Validate_FlowSwitchCaseConditionThatDoesNotCompile_ReportsTheCondition()
    {
        var cases = new JsonArray(
            new JsonObject { ["label"] = "Big", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput('n') > 10" } },
            new JsonObject { ["label"] = "Small", ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getInput('n') <<< 10" } });
        var definition = Chain(Activity("Switch1", "Elsa.FlowSwitch", ("cases", cases)));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[1].cases[1].condition.value", error.Path);
        Assert.Contains("does not compile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FlowSwitchCaseWithoutLabelOrCondition_ReportsBoth()
    {
        var cases = new JsonArray(new JsonObject { ["label"] = "", ["condition"] = null });
        var definition = Chain(Activity("Switch1", "Elsa.FlowSwitch", ("cases", cases)));

        Assert.Equal(["$.root.activities[1].cases[0].label", "$.root.activities[1].cases[0].condition"], BuiltInValidator.ErrorPaths(definition));
    }

    [Theory]
    [InlineData("every monday")]
    [InlineData("61 * * * *")]
    [InlineData("* * *")]
    public void Validate_CronExpressionThatDoesNotParse_ReportsTheExpression(string cron)
    {
        var definition = Chain(Activity("Cron1", "Elsa.Cron", ("cronExpression", Input("Literal", cron, "String"))));

        var error = Assert.Single(BuiltInValidator.Validate(definition));

        Assert.Equal("$.root.activities[1].cronExpression.expression.value", error.Path);
        Assert.Contains("does not parse", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 9 * * 1-5")]
    [InlineData("*/30 * * * * *")]
    public void Validate_CronExpressionWithFiveOrSixFields_ReportsNothing(string cron)
    {
        var definition = Chain(Activity("Cron1", "Elsa.Cron", ("cronExpression", Input("Literal", cron, "String"))));

        Assert.Empty(BuiltInValidator.Validate(definition));
    }

    [Fact]
    public void Validate_RootOfUnknownType_ReportsTheRootType()
    {
        var definition = Chain(WriteLine("Write1", "Literal", "a"));
        definition["root"]!["type"] = "Elsa.NoSuchRoot";

        Assert.Equal(["$.root.type"], BuiltInValidator.ErrorPaths(definition));
    }

    [Fact]
    public void Validate_WriteLineWithoutText_ReportsNothing()
    {
        var definition = Chain(Activity("Write1", "Elsa.WriteLine"));

        Assert.Empty(BuiltInValidator.Validate(definition));
    }
}
