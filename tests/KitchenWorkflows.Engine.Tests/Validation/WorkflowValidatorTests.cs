using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Expressions;
using KitchenWorkflows.Engine.Validation;
using static KitchenWorkflows.Engine.Tests.TinyWorkflows;

namespace KitchenWorkflows.Engine.Tests.Validation;

/// <summary>A definition with many problems is reported in one go, through the compiler, before anything runs.</summary>
public sealed class WorkflowValidatorTests
{
    [Fact]
    public async Task Compile_DefinitionWithManyProblems_ReportsEveryProblemAtOnce()
    {
        await using var harness = new EngineHarness();
        var definition = Chain(
            [Variable("Counter", "Int33"), Variable("Name", "String"), Variable("Name", "String")],
            Activity("Sms1", "KitchenLab.SendSms"),
            Activity("Wait1", "Elsa.Event"),
            Decision("Decision1", "JavaScript", "1 +"),
            SetVariable("Set1", "Nobody", "Literal", "1"));
        // The chain joins Decision1 to Set1 through Done, which a decision does not have.
        definition["root"]!["connections"]!.AsArray().Add(Connection("Set1", "Done", "Ghost"));
        definition["root"]!["start"] = "Start9";

        var ex = Assert.Throws<WorkflowDefinitionException>(() => harness.Compiler.Compile(WorkflowDefinitionSerializer.Deserialize(definition)));

        Assert.Equal(
            [
                "$.variables[0].typeName",
                "$.variables[2].name",
                "$.root.activities[1].type",
                "$.root.activities[2].eventName",
                "$.root.activities[3].condition.expression.value",
                "$.root.activities[4].variable",
                "$.root.connections[3].source.port",
                "$.root.connections[4].target.activity",
                "$.root.start",
            ],
            ex.Errors.Select(e => e.Path));
        Assert.All(ex.Errors, e => Assert.Contains(e.Path, ex.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compile_ValidDefinition_BindsEveryActivity()
    {
        await using var harness = new EngineHarness();
        var definition = Chain(WriteLine("Write1", "Literal", "a"), WriteLine("Write2", "Literal", "b"));

        var workflow = harness.Compile(definition.ToJsonString());

        Assert.Equal(["Start1", "Write1", "Write2"], workflow.Activities.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Start1", workflow.StartActivityId);
    }

    [Fact]
    public void Validate_NullDefinition_Throws()
    {
        var validator = new WorkflowValidator(new ActivityRegistry(), new ExpressionEvaluators([]));

        Assert.Throws<ArgumentNullException>(() => validator.Validate(null!));
    }

    [Fact]
    public void Validate_ActivityOfAnUnregisteredHostType_IsUnknownToThatHost()
    {
        var validator = new WorkflowValidator(new ActivityRegistry(), new ExpressionEvaluators([]));
        var definition = WorkflowDefinitionSerializer.Deserialize(Chain(WriteLine("Write1", "Literal", "a")));

        var errors = validator.Validate(definition);

        Assert.Equal(["$.root.activities[0].type", "$.root.activities[1].type"], errors.Select(e => e.Path));
    }
}
