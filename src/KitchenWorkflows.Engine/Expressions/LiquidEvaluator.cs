using System.Collections.Concurrent;
using Fluid;
using Fluid.Values;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>
/// Renders Liquid templates with Fluid. Templates see <c>Variables</c>, <c>Input</c>, <c>Output</c>,
/// <c>Workflow</c> (<c>Id</c>, <c>DefinitionId</c>, <c>CorrelationId</c>) and <c>CorrelationId</c>.
/// Parsed templates are cached by their source. A rendering is bounded like a script (<see cref="ScriptOptions"/>):
/// steps, time and memory, plus the items one operation may materialise and the characters it may render, both
/// checked before anything is made, so <c>{% for i in (1..1000000000) %}</c> fails at once instead of filling memory.
/// </summary>
public sealed class LiquidEvaluator : IExpressionEvaluator
{
    private const int MaxCachedTemplates = 10_000;
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private readonly ScriptOptions _limits;
    private readonly TemplateOptions _options;

    /// <summary>Creates the evaluator with the configured limits.</summary>
    public LiquidEvaluator(IOptions<ScriptOptions> options)
    {
        _limits = options.Value;
        _options = new TemplateOptionsBuilder()
            .WithMaxSteps(_limits.MaxStatements)
            .WithMaxCollectionSize(_limits.MaxTemplateItems)
            .WithMaxOutputSize(_limits.MaxTemplateOutputLength)
            // A template keeps what it makes only through assign and capture: checking memory there bounds what it can hold.
            .WithAssigned(CheckMemory)
            .WithCaptured(CheckMemory)
            .Build();
    }

    /// <inheritdoc />
    public string Type => ExpressionTypes.Liquid;

    /// <inheritdoc />
    public object? Evaluate(WorkflowExpression expression, ActivityExecutionContext context)
    {
        var template = GetTemplate(expression.Text);
        var state = context.Workflow.State;
        using var timeLimit = new CancellationTokenSource(_limits.TimeLimit);
        var templateContext = new BoundedTemplateContext(_options, _limits.MemoryLimitBytes) { CancellationToken = timeLimit.Token };
        templateContext.SetValue("Variables", state.Variables);
        templateContext.SetValue("Input", state.Input);
        templateContext.SetValue("Output", state.Output);
        templateContext.SetValue("CorrelationId", FluidValue.Create(state.CorrelationId, _options));
        templateContext.SetValue("Workflow", new Dictionary<string, object?>
        {
            ["Id"] = state.Id,
            ["DefinitionId"] = state.DefinitionId,
            ["CorrelationId"] = state.CorrelationId,
        });
        try
        {
            return template.Render(templateContext);
        }
        catch (OperationCanceledException ex) when (timeLimit.IsCancellationRequested)
        {
            throw Failed($"it ran longer than {_limits.TimeLimit} (Scripts:TimeLimit)", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw Failed(NameTheLimit(ex), ex);
        }
    }

    /// <inheritdoc />
    public string? Check(WorkflowExpression expression, WorkflowDefinition definition) =>
        Parser.TryParse(expression.Text, out _, out var error) ? null : "The Liquid template does not parse: " + error;

    private static ValueTask<FluidValue> CheckMemory(string identifier, FluidValue value, TemplateContext context)
    {
        ((BoundedTemplateContext)context).CheckMemory();
        return ValueTask.FromResult(value);
    }

    // Fluid reports every limit as an InvalidOperationException; its message tells which one (pinned by the tests).
    private string NameTheLimit(InvalidOperationException ex) => ex.Message switch
    {
        var m when m.Contains("steps", StringComparison.Ordinal) => $"it took more than {_limits.MaxStatements} steps (Scripts:MaxStatements)",
        var m when m.Contains("output size", StringComparison.Ordinal) => $"it would render or build more than {_limits.MaxTemplateOutputLength} characters (Scripts:MaxTemplateOutputLength)",
        var m when m.Contains("collection size", StringComparison.Ordinal) => $"it would make more than {_limits.MaxTemplateItems} items in one range or list (Scripts:MaxTemplateItems)",
        var m when m.Contains("recursion", StringComparison.Ordinal) => "it nested includes or values too deeply",
        var m => m,
    };

    private static ScriptFailedException Failed(string reason, Exception inner) => new($"The Liquid template failed: {reason}.", inner);

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

    /// <summary>A rendering's context that knows how much its thread had allocated when it began (a rendering runs synchronously on one thread).</summary>
    private sealed class BoundedTemplateContext(TemplateOptions options, long memoryLimitBytes) : TemplateContext(options)
    {
        private readonly long _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();

        public void CheckMemory()
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart;
            if (allocated > memoryLimitBytes)
            {
                throw new InvalidOperationException($"it allocated {allocated} bytes, over {memoryLimitBytes} (Scripts:MemoryLimitBytes)");
            }
        }
    }
}
