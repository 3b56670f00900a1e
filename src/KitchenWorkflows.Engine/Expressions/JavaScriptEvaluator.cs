using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Runtime.Interop;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using Microsoft.Extensions.Options;
using JsEngine = Jint.Engine;

namespace KitchenWorkflows.Engine.Expressions;

/// <summary>
/// Runs JavaScript with Jint, sandboxed (no CLR access, no typed arrays) and limited in time, statements, memory,
/// recursion, array length and stack depth, so that a hostile script faults its activity instead of stalling a worker.
/// Scripts see Elsa 3's globals: <c>getVariable</c>, <c>setVariable</c>, <c>getInput</c>,
/// <c>getOutputFrom</c>, <c>getLastResult</c>, <c>getWorkflowInstanceId</c>, <c>getCorrelationId</c>,
/// <c>setCorrelationId</c>, <c>setTag(name, value)</c> (an instance tag; an empty value removes it), and <c>getX()</c>/<c>setX(v)</c> for each declared variable X. A script may
/// end with <c>return</c> or with an expression; either gives its value. Parsed scripts are cached.
/// </summary>
public sealed partial class JavaScriptEvaluator(IOptions<ScriptOptions> options) : IExpressionEvaluator
{
    private const int MaxCachedScripts = 10_000;

    private static readonly ScriptPreparationOptions PreparationOptions = new()
    {
        ParsingOptions = ScriptParsingOptions.Default with { AllowReturnOutsideFunction = true },
    };

    private static readonly string[] RawMemoryGlobals =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
        "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
    ];

    private static readonly string[] GlobalObjectRoutes = ["globalThis", "this", "\\u"];

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
        var engine = new JsEngine(o =>
        {
            o.TimeoutInterval(_limits.TimeLimit)
                .MaxStatements(_limits.MaxStatements)
                .LimitMemory(_limits.MemoryLimitBytes)
                .LimitRecursion(_limits.RecursionLimit)
                .MaxArraySize((uint)_limits.MaxArrayLength)
                .RegexTimeoutInterval(_limits.TimeLimit);
            // Built-ins such as JSON.stringify and Array.prototype.join recurse in .NET: on a deeply nested value
            // they would overflow the stack, which no catch survives and which ends the whole server process.
            o.Constraints.StackOverflowGuard = true;
            // eval and new Function('…') would let a script reach the global object without naming it (see below).
            o.DisableStringCompilation();
        });
        RemoveRawMemoryGlobals(engine, script);
        DefineGlobals(engine, context, script);
        configure?.Invoke(engine);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            var value = engine.Evaluate(prepared);
            // Jint checks the memory limit between statements, so one native call ('x'.repeat(1e8)) can allocate far
            // more before the script ends; such a result must not reach the instance state.
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (allocated > _limits.MemoryLimitBytes)
            {
                throw new Jint.Runtime.MemoryLimitExceededException($"Script has allocated {allocated} but is limited to {_limits.MemoryLimitBytes}");
            }

            return JsValues.FromJs(value);
        }
        catch (Exception ex) when (ex is JintException or TimeoutException or RegexMatchTimeoutException)
        {
            throw new ScriptFailedException($"The script failed: {ex.Message}", ex);
        }
    }

    // Typed arrays and buffers allocate their whole length at once, outside the per-statement memory check
    // (new Uint8Array(1e9) takes a gigabyte), and Atomics.wait blocks; workflow scripts need none of them.
    // Removing them builds the whole global object, which halves the rate of small evaluations, so it is done only
    // when the script could reach them: by name, through the global object (globalThis, this; eval and Function
    // are disabled), or through a name spelled with \u escapes.
    private static void RemoveRawMemoryGlobals(JsEngine engine, string script)
    {
        if (!RawMemoryGlobals.Concat(GlobalObjectRoutes).Any(word => script.Contains(word, StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var name in RawMemoryGlobals)
        {
            engine.Global.RemoveOwnProperty(name);
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
        Define("getOutputFrom", args => JsValues.ToJs(engine, args.Length > 1 && !args[1].IsUndefined() && !args[1].IsNull()
            ? context.GetOutputFrom(Arg(args, 0), Arg(args, 1))
            : context.GetOutputFrom(Arg(args, 0))));
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
        if (script.Contains("From", StringComparison.Ordinal))
        {
            foreach (var match in OutputAccessor().EnumerateMatches(script))
            {
                // Elsa's get{Output}From{ActivityName}(): one named output of an activity, found by its name.
                var accessor = script.Substring(match.Index, match.Length);
                var from = accessor.IndexOf("From", 3, StringComparison.Ordinal);
                var (output, activity) = (accessor[3..from], accessor[(from + 4)..]);
                Define(accessor, _ => JsValues.ToJs(engine, context.GetOutputFrom(activity, output)));
            }
        }

        // Elsa's accessors of the declared workflow inputs (a child workflow reads what its parent passed with getMessage()).
        foreach (var input in context.Definition.Inputs)
        {
            var name = input.Name;
            Define("get" + name, _ => JsValues.ToJs(engine, context.GetWorkflowInput(name)));
        }

        foreach (var variable in context.Definition.Variables)
        {
            DefineVariable(variable.Name);
        }

        if (context.Scope is not null)
        {
            // A loop's CurrentValue and CurrentIndex, a used workflow's own variables.
            foreach (var name in context.ScopedVariableNames())
            {
                DefineVariable(name);
            }
        }

        void DefineVariable(string name)
        {
            Define("get" + name, _ => JsValues.ToJs(engine, context.GetVariable(name)));
            Define("set" + name, args =>
            {
                context.SetVariable(name, JsValues.FromJs(ArgValue(args, 0)));
                return JsValue.Undefined;
            });
        }
    }

    [GeneratedRegex(@"\bget[A-Z]\w*?From[A-Z]\w*(?=\s*\()", RegexOptions.CultureInvariant)]
    private static partial Regex OutputAccessor();
}
