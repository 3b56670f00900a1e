using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.CSharp;

/// <summary>
/// Compiles C# scripts with Roslyn and runs them. A script is compiled once per text (its definition's prelude and its
/// code) and kept, at validation or at its first run, so later runs pay no compile. A run is bounded in time
/// (<see cref="CSharpScriptOptions.TimeLimit"/>): at the limit its activity faults and the script is cut off from the
/// workflow, but it cannot be stopped; it runs on until it ends, and while
/// <see cref="CSharpScriptOptions.MaxRunawayScripts"/> such scripts run, C# evaluations are refused.
/// </summary>
public sealed partial class CSharpScripts(IOptions<CSharpScriptOptions> options, ILogger<CSharpScripts> logger)
{
    // Made at the first compile, not at start-up: a server that never sees C# never loads the compiler.
    private static readonly Lazy<ScriptOptions> Compilation = new(() => Microsoft.CodeAnalysis.Scripting.ScriptOptions.Default
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithReferences(typeof(CSharpGlobals).Assembly, typeof(Enumerable).Assembly, typeof(JsonSerializer).Assembly, typeof(JsonNode).Assembly,
            typeof(List<>).Assembly, typeof(ValueConverter).Assembly)
        .WithImports("System", "System.Linq", "System.Collections.Generic", "System.Text.Json", "System.Text.Json.Nodes"));

    private readonly CSharpScriptOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Lazy<Compiled>> _compiled = new(StringComparer.Ordinal);
    private int _compilations;
    private int _runaways;

    /// <summary>Whether the server's configuration allows C#.</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>How many scripts were compiled; lets tests see that the cache spares recompiling.</summary>
    internal int Compilations => Volatile.Read(ref _compilations);

    /// <summary>The text that says C# is off, for validation and for a run of a definition saved while it was on.</summary>
    public static string TurnedOff =>
        "C# is turned off on this server (Scripts:CSharp:Enabled): a C# script runs with the server's rights and cannot be sandboxed.";

    /// <summary>Why a script cannot run in a definition (C# off, or it does not compile); null when it can. Compiles and keeps it.</summary>
    public string? Check(string code, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return !Enabled ? TurnedOff : Compile(code, definition).Errors is { } errors ? "The C# does not compile: " + errors : null;
    }

    /// <summary>Runs a script for an activity execution; the session records what the script chose.</summary>
    /// <exception cref="InvalidOperationException">C# is off, the script does not compile, throws, or overruns its time limit.</exception>
    internal object? Run(string code, ScriptSession session)
    {
        var context = session.Context;
        if (!Enabled)
        {
            throw new InvalidOperationException(TurnedOff);
        }

        if (Volatile.Read(ref _runaways) >= _options.MaxRunawayScripts)
        {
            throw new InvalidOperationException(
                $"C# is refused for now: {_options.MaxRunawayScripts} scripts ran past their time limit and are still running (Scripts:CSharp:MaxRunawayScripts).");
        }

        var compiled = Compile(code, context.Workflow.Definition);
        if (compiled.Errors is { } errors)
        {
            throw new InvalidOperationException("The C# does not compile: " + errors);
        }

        using var limit = new CancellationTokenSource(_options.TimeLimit);
        var globals = new CSharpGlobals(session, limit.Token);
        // On a thread of its own: a script that never yields would otherwise hold this one past any limit.
        var run = Task.Run(() => compiled.Runner!(globals, limit.Token), CancellationToken.None);
        try
        {
            if (!run.Wait(_options.TimeLimit, CancellationToken.None))
            {
                limit.Cancel();
                Interlocked.Increment(ref _runaways);
                _ = run.ContinueWith(_ => Interlocked.Decrement(ref _runaways), TaskScheduler.Default);
                LogRunaway(logger, context.ActivityId, context.Workflow.State.Id, _options.TimeLimit);
                throw TimedOut();
            }

            // A script that stopped because its token said time was up did not finish its work: that is an overrun too.
            return limit.IsCancellationRequested ? throw TimedOut() : run.Result;
        }
        catch (AggregateException ex) when (ex.InnerException is { } inner)
        {
            throw new InvalidOperationException("The C# script failed: " + inner.Message, inner);
        }
        finally
        {
            session.Detach();
        }
    }

    private InvalidOperationException TimedOut() => new(
        $"The C# script ran longer than {_options.TimeLimit} (Scripts:CSharp:TimeLimit); it was cut off from the workflow and, if still running, runs on until it ends.");

    private Compiled Compile(string code, WorkflowDefinition definition)
    {
        // The #line directive makes errors point at the author's lines, not the prelude's.
        var text = ScriptPrelude.For(definition) + "#line 1\n" + code;
        if (_compiled.Count >= _options.MaxCachedScripts)
        {
            _compiled.Clear();
        }

        return _compiled.GetOrAdd(text, t => new Lazy<Compiled>(() => CompileNow(t))).Value;
    }

    private Compiled CompileNow(string text)
    {
        Interlocked.Increment(ref _compilations);
        var script = CSharpScript.Create<object>(text, Compilation.Value, typeof(CSharpGlobals));
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).Select(d => d.ToString()).ToList();
        return errors.Count > 0 ? new Compiled(null, string.Join("; ", errors)) : new Compiled(script.CreateDelegate(), null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A C# script of activity {ActivityId} (instance {InstanceId}) ran past {TimeLimit} and keeps a thread until it ends")]
    private static partial void LogRunaway(ILogger logger, string activityId, string instanceId, TimeSpan timeLimit);

    private sealed record Compiled(ScriptRunner<object>? Runner, string? Errors);
}
