using System.Collections.Concurrent;
using Jint;
using Jint.Native;
using Jint.Runtime.Interop;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;
using JsEngine = Jint.Engine;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>
/// Runs JavaScript with Jint, sandboxed (no CLR access) and limited in time, statements and memory.
/// Scripts see Elsa 3's globals: <c>getVariable</c>, <c>setVariable</c>, <c>getInput</c>,
/// <c>getOutputFrom</c>, <c>getLastResult</c>, <c>getWorkflowInstanceId</c>, <c>getCorrelationId</c>,
/// <c>setCorrelationId</c>, <c>setTag(name, value)</c> (an instance tag; an empty value removes it), and <c>getX()</c>/<c>setX(v)</c> for each declared variable X. A script may
/// end with <c>return</c> or with an expression; either gives its value. Parsed scripts are cached.
/// </summary>
public sealed class JavaScriptEvaluator(IOptions<ScriptOptions> options) : IExpressionEvaluator
{
    private const int MaxCachedScripts = 10_000;

    private static readonly ScriptPreparationOptions PreparationOptions = new()
    {
        ParsingOptions = ScriptParsingOptions.Default with { AllowReturnOutsideFunction = true },
    };

    private readonly ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> _scripts = new(StringComparer.Ordinal);
    private readonly ScriptOptions _limits = options.Value;
    private int _preparations;

    /// <inheritdoc />
    public string Type => ExpressionTypes.JavaScript;

    /// <summary>How many times a script was parsed; lets tests see that the cache spares re-parsing.</summary>
    internal int Preparations => Volatile.Read(ref _preparations);

    /// <inheritdoc />
    public object? Evaluate(WorkflowExpression expression, ActivityExecutionContext context) => Run(expression.Text, context, configure: null);

    /// <inheritdoc />
    public string? Check(WorkflowExpression expression, WorkflowDefinition definition)
    {
        try
        {
            Prepare(expression.Text);
            return null;
        }
        catch (ScriptPreparationException ex)
        {
            return "The JavaScript does not compile: " + (ex.InnerException?.Message ?? ex.Message);
        }
    }

    /// <summary>Runs a script with the workflow globals plus whatever <paramref name="configure"/> adds.</summary>
    /// <exception cref="ScriptFailedException">The script threw, or hit a limit.</exception>
    public object? Run(string script, ActivityExecutionContext context, Action<JsEngine>? configure)
    {
        var prepared = Prepare(script);
        var engine = new JsEngine(o => o
            .TimeoutInterval(_limits.TimeLimit)
            .MaxStatements(_limits.MaxStatements)
            .LimitMemory(_limits.MemoryLimitBytes)
            .LimitRecursion(_limits.RecursionLimit));
        DefineGlobals(engine, context, script);
        configure?.Invoke(engine);
        try
        {
            return JsValues.FromJs(engine.Evaluate(prepared));
        }
        catch (Exception ex) when (ex is Jint.Runtime.JavaScriptException or Jint.Runtime.StatementsCountOverflowException
                                       or Jint.Runtime.MemoryLimitExceededException or TimeoutException
                                       or Jint.Runtime.RecursionDepthOverflowException)
        {
            throw new ScriptFailedException($"The script failed: {ex.Message}", ex);
        }
    }

    private Prepared<Acornima.Ast.Script> Prepare(string script)
    {
        if (_scripts.TryGetValue(script, out var cached))
        {
            return cached;
        }

        var prepared = JsEngine.PrepareScript(script, options: PreparationOptions);
        Interlocked.Increment(ref _preparations);
        if (_scripts.Count >= MaxCachedScripts)
        {
            _scripts.Clear();
        }

        return _scripts.GetOrAdd(script, prepared);
    }

    // Only the globals a script names are defined: making a function object per global and per declared
    // variable on every evaluation was a large share of a script's cost. A script that builds a global's
    // name at run time (this["get" + name]) does not find it; none of Elsa's documented uses do that.
    private static void DefineGlobals(JsEngine engine, ActivityExecutionContext context, string script)
    {
        void Define(string name, Func<JsValue[], JsValue> body)
        {
            if (script.Contains(name, StringComparison.Ordinal))
            {
                engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(args)));
            }
        }

        static string Arg(JsValue[] args, int index) => args.Length > index ? args[index].ToString() : "";
        JsValue ArgValue(JsValue[] args, int index) => args.Length > index ? args[index] : JsValue.Undefined;

        Define("getVariable", args => JsValues.ToJs(engine, context.GetVariable(Arg(args, 0))));
        Define("setVariable", args =>
        {
            context.SetVariable(Arg(args, 0), JsValues.FromJs(ArgValue(args, 1)));
            return JsValue.Undefined;
        });
        Define("getInput", args => JsValues.ToJs(engine, context.GetWorkflowInput(Arg(args, 0))));
        Define("getOutputFrom", args => JsValues.ToJs(engine, context.GetOutputFrom(Arg(args, 0))));
        Define("getLastResult", _ => JsValues.ToJs(engine, context.Workflow.State.LastResult));
        Define("getWorkflowInstanceId", _ => new JsString(context.Workflow.State.Id));
        Define("getCorrelationId", _ => context.Workflow.State.CorrelationId is { } id ? new JsString(id) : JsValue.Null);
        Define("setCorrelationId", args =>
        {
            context.Workflow.State.CorrelationId = Arg(args, 0);
            return JsValue.Undefined;
        });
        Define("setTag", args =>
        {
            try
            {
                var value = ArgValue(args, 1);
                InstanceTags.Set(context.Workflow.State, Arg(args, 0), value.IsNull() || value.IsUndefined() ? null : value.ToString());
            }
            catch (ArgumentException ex)
            {
                throw new Jint.Runtime.JavaScriptException(ex.Message);
            }

            return JsValue.Undefined;
        });
        foreach (var variable in context.Workflow.Definition.Variables)
        {
            var name = variable.Name;
            Define("get" + name, _ => JsValues.ToJs(engine, context.GetVariable(name)));
            Define("set" + name, args =>
            {
                context.SetVariable(name, JsValues.FromJs(ArgValue(args, 0)));
                return JsValue.Undefined;
            });
        }
    }
}
