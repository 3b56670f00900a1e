using System.Collections.Concurrent;
using Fluid;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>
/// Renders Liquid templates with Fluid. Templates see <c>Variables</c>, <c>Input</c>, <c>Output</c>,
/// <c>Workflow</c> (<c>Id</c>, <c>DefinitionId</c>, <c>CorrelationId</c>) and <c>CorrelationId</c>.
/// Parsed templates are cached by their source; a rendering stops after <see cref="ScriptOptions.MaxStatements"/> steps.
/// </summary>
public sealed class LiquidEvaluator(IOptions<ScriptOptions> options) : IExpressionEvaluator
{
    private const int MaxCachedTemplates = 10_000;
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    // A template loop ({% for i in (1..1000000000) %}) is bounded like a script: by the statement limit.
    private readonly TemplateOptions _options = new() { MaxSteps = options.Value.MaxStatements };

    /// <inheritdoc />
    public string Type => ExpressionTypes.Liquid;

    /// <inheritdoc />
    public object? Evaluate(WorkflowExpression expression, ActivityExecutionContext context)
    {
        var template = GetTemplate(expression.Text);
        var state = context.Workflow.State;
        var templateContext = new TemplateContext(_options);
        templateContext.SetValue("Variables", state.Variables);
        templateContext.SetValue("Input", state.Input);
        templateContext.SetValue("Output", state.Output);
        templateContext.SetValue("CorrelationId", state.CorrelationId);
        templateContext.SetValue("Workflow", new Dictionary<string, object?>
        {
            ["Id"] = state.Id,
            ["DefinitionId"] = state.DefinitionId,
            ["CorrelationId"] = state.CorrelationId,
        });
        return template.Render(templateContext);
    }

    /// <inheritdoc />
    public string? Check(WorkflowExpression expression, WorkflowDefinition definition) =>
        Parser.TryParse(expression.Text, out _, out var error) ? null : "The Liquid template does not parse: " + error;

    private IFluidTemplate GetTemplate(string source)
    {
        if (_templates.TryGetValue(source, out var cached))
        {
            return cached;
        }

        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidOperationException("The Liquid template does not parse: " + error);
        }

        if (_templates.Count >= MaxCachedTemplates)
        {
            _templates.Clear();
        }

        return _templates.GetOrAdd(source, template);
    }
}
