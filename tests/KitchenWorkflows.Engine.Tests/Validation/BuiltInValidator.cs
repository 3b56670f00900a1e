using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Activities.BuiltIn;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Expressions;
using KitchenWorkflows.Engine.Validation;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Engine.Tests.Validation;

/// <summary>A validator over the built-in activities and the four expression syntaxes, as the engine registers them.</summary>
internal static class BuiltInValidator
{
    private static readonly WorkflowValidator Validator = new(
        BuiltInActivities.Register(new ActivityRegistry()),
        new ExpressionEvaluators([new LiteralEvaluator(), new JavaScriptEvaluator(Options.Create(new ScriptOptions())), new LiquidEvaluator(Options.Create(new ScriptOptions())), new VariableEvaluator()]));

    public static IReadOnlyList<ValidationError> Validate(JsonObject definition) =>
        Validator.Validate(WorkflowDefinitionSerializer.Deserialize(definition));

    /// <summary>The paths of the errors, in the order they were reported.</summary>
    public static IReadOnlyList<string> ErrorPaths(JsonObject definition) => [.. Validate(definition).Select(e => e.Path)];
}
