using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Expressions;
using KitchenWorkflows.Engine.Values;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Engine.Execution;

/// <summary>
/// The interpreter: a flowchart at the root, composite activities (Sequence, loops, nested flowcharts, workflows
/// used as activities) in persisted frames below it. Starts, resumes, retries and cancels instances of a compiled workflow,
/// changing only the <see cref="WorkflowInstanceState"/> it is given: persistence, locking and
/// scheduling of due-time bookmarks belong to the host. Thread-safe; one run per instance at a time.
/// </summary>
public sealed partial class WorkflowRunner(
    ExpressionEvaluators evaluators,
    IServiceProvider services,
    TimeProvider clock,
    IOptions<EngineOptions> options,
    ILogger<WorkflowRunner> logger)
{
    private readonly EngineOptions _options = options.Value;

    /// <summary>Makes a new instance state, queued at its start (or its trigger), without running it.</summary>
    public WorkflowInstanceState CreateInstance(CompiledWorkflow workflow, StartRequest request)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var state = new WorkflowInstanceState
        {
            Id = request.InstanceId ?? Guid.CreateVersion7().ToString("N"),
            DefinitionId = workflow.DefinitionId,
            DefinitionVersion = workflow.Version,
            CorrelationId = request.CorrelationId,
            ParentId = request.ParentId,
            DryRun = request.DryRun,
            Status = WorkflowStatus.Running,
            SubStatus = WorkflowSubStatus.Executing,
            Input = request.Input?.ToDictionary(p => p.Key, p => PlainValues.Normalize(p.Value)) ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var variable in workflow.Definition.Variables)
        {
            state.Variables[variable.Name] = VariableTypes.Coerce(PlainValues.FromJson(variable.Value), variable.TypeName, variable.IsArray);
        }

        var first = request.TriggerActivityId ?? workflow.StartActivityId;
        if (request.TriggerActivityId is not null)
        {
            if (!workflow.Activities.ContainsKey(request.TriggerActivityId))
            {
                throw new ArgumentException($"The workflow has no activity '{request.TriggerActivityId}'.", nameof(request));
            }

            state.TriggerActivityId = request.TriggerActivityId;
            state.TriggerPayload = PlainValues.Normalize(request.TriggerPayload);
        }

        if (first is not null)
        {
            state.Queue.Add(first);
        }

        EngineTelemetry.InstanceStarted(state);
        return state;
    }

    /// <summary>Creates an instance and runs it until it finishes, faults or waits.</summary>
    public Task<RunResult> StartAsync(CompiledWorkflow workflow, StartRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(workflow, CreateInstance(workflow, request), cancellationToken);

    /// <summary>Runs the queued work of an instance (a new or a dispatched one, or one a stopping host left).</summary>
    /// <param name="workflow">The instance's version.</param>
    /// <param name="state">The instance, changed in place.</param>
    /// <param name="cancellationToken">Signals that the host is stopping.</param>
    /// <param name="commit">Where a long run commits its progress every <see cref="EngineOptions.ExecutionsPerCommit"/> executions; none: one commit at the end, by the caller.</param>
    public async Task<RunResult> RunAsync(CompiledWorkflow workflow, WorkflowInstanceState state, CancellationToken cancellationToken = default, RunCommit? commit = null)
    {
        var context = NewContext(workflow, state, cancellationToken);
        using var scope = BeginScope(state);
        await DrainAsync(context, commit);
        return Finish(context);
    }

    /// <summary>Resumes a bookmark with a stimulus (an event payload, a due time reached) and runs on.</summary>
    /// <exception cref="InvalidOperationException">The instance is not running or has no such bookmark.</exception>
    public async Task<RunResult> ResumeAsync(CompiledWorkflow workflow, WorkflowInstanceState state, string bookmarkId, object? payload, CancellationToken cancellationToken = default, RunCommit? commit = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status != WorkflowStatus.Running)
        {
            throw new InvalidOperationException($"Instance {state.Id} is {state.SubStatus}; only a running instance can be resumed.");
        }

        var bookmark = state.Bookmarks.Find(b => b.Id == bookmarkId)
            ?? throw new InvalidOperationException($"Instance {state.Id} has no bookmark '{bookmarkId}'.");
        state.Bookmarks.Remove(bookmark);
        if (bookmark.GroupId is { } group)
        {
            // The first of a group to be resumed wins; a sibling's stimulus arriving later finds nothing to resume.
            state.Bookmarks.RemoveAll(b => b.GroupId == group);
        }

        state.SubStatus = WorkflowSubStatus.Executing;
        var context = NewContext(workflow, state, cancellationToken);
        using var scope = BeginScope(state);
        if (bookmark.Name == Bookmark.RetryName)
        {
            Requeue(state, bookmark.ActivityId, bookmark.FrameId);
        }
        else
        {
            var activity = workflow.Activities[bookmark.ActivityId];
            var activityContext = new ActivityExecutionContext(context, activity, FrameTree.Find(state, bookmark.FrameId));
            var started = clock.GetUtcNow();
            using var span = EngineTelemetry.StartActivitySpan(context, activity);
            var result = await InvokeAsync(() => activity.ResumeAsync(activityContext, bookmark, PlainValues.Normalize(payload)), cancellationToken);
            Apply(activityContext, result, started);
        }

        await DrainAsync(context, commit);
        return Finish(context);
    }

    /// <summary>Continues a faulted instance from the activity that faulted.</summary>
    /// <exception cref="InvalidOperationException">The instance is not faulted.</exception>
    public Task<RunResult> RetryAsync(CompiledWorkflow workflow, WorkflowInstanceState state, CancellationToken cancellationToken = default, RunCommit? commit = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.SubStatus != WorkflowSubStatus.Faulted || state.FaultedActivityId is null)
        {
            throw new InvalidOperationException($"Instance {state.Id} is {state.SubStatus}; only a faulted instance can be retried.");
        }

        var activityId = state.FaultedActivityId;
        if (state.FailedAttempts.ContainsKey(activityId))
        {
            // A retry by hand repeats the execution that failed (same idempotency key) with a fresh retry policy.
            state.FailedAttempts[activityId] = 0;
        }

        Requeue(state, activityId, state.FaultedFrameId);
        state.FaultedActivityId = null;
        state.FaultedFrameId = null;
        state.Incidents = [.. state.Incidents.Select(i => i with { Resolved = true })];
        state.Status = WorkflowStatus.Running;
        state.SubStatus = WorkflowSubStatus.Executing;
        state.FinishedAt = null;
        return RunAsync(workflow, state, cancellationToken, commit);
    }

    /// <summary>Cancels an instance: its queue and bookmarks are dropped.</summary>
    /// <exception cref="InvalidOperationException">The instance already ended.</exception>
    public void Cancel(WorkflowInstanceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status == WorkflowStatus.Finished && state.SubStatus != WorkflowSubStatus.Faulted)
        {
            throw new InvalidOperationException($"Instance {state.Id} is {state.SubStatus} and cannot be cancelled.");
        }

        DropAllWork(state);
        End(state, WorkflowSubStatus.Cancelled);
    }

    // Every log line written while an instance runs (activities and outside calls included) carries these.
    private IDisposable? BeginScope(WorkflowInstanceState state) => logger.BeginScope(new Dictionary<string, object?>
    {
        ["WorkflowInstanceId"] = state.Id,
        ["DefinitionId"] = state.DefinitionId,
        ["CorrelationId"] = state.CorrelationId,
    });

    private WorkflowExecutionContext NewContext(CompiledWorkflow workflow, WorkflowInstanceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        if (state.DefinitionId != workflow.DefinitionId || state.DefinitionVersion != workflow.Version)
        {
            throw new ArgumentException($"Instance {state.Id} runs {state.DefinitionId} v{state.DefinitionVersion}, not v{workflow.Version}.", nameof(workflow));
        }

        return new WorkflowExecutionContext(workflow, state, services, evaluators, clock, cancellationToken);
    }

    private async Task DrainAsync(WorkflowExecutionContext context, RunCommit? commit)
    {
        var state = context.State;
        var flow = context.RootFlow;
        var executions = 0;
        var sinceCommit = 0;
        while (state.HasQueuedWork() && state.SubStatus == WorkflowSubStatus.Executing && !context.CancellationToken.IsCancellationRequested)
        {
            if (++executions > _options.MaxActivityExecutionsPerRun)
            {
                // The activity next in line never ran: it leaves the queue for the fault, or a retry would run it twice.
                var (id, scope) = Dequeue(state);
                var activity = context.Workflow.Activities[id];
                Fault(new ActivityExecutionContext(context, activity, scope), clock.GetUtcNow(),
                    $"The run exceeded {_options.MaxActivityExecutionsPerRun} activity executions; a loop without a wait?", exceptionType: null, ran: false);
                break;
            }

            await ExecuteNextAsync(context, flow);
            if (commit is not null && ++sinceCommit >= _options.ExecutionsPerCommit && CanCommit(context))
            {
                await commit(Progress(context), context.CancellationToken);
                context.Journal.Clear();
                context.CreatedBookmarks.Clear();
                sinceCommit = 0;
            }
        }
    }

    // Events to publish, children to start and due times to schedule are handed on only after the save that ends the run (the host's
    // outbox): a commit before then would leave them unsent if the host crashed after it, so it waits for a run
    // without them. A run that has ended, or waits, is committed by its caller.
    private static bool CanCommit(WorkflowExecutionContext context) =>
        context.State.SubStatus == WorkflowSubStatus.Executing && context.State.HasQueuedWork()
        && context.PublishedEvents.Count == 0 && context.StartedChildren.Count == 0 && !context.CreatedBookmarks.Exists(b => b.DueAt is not null);

    private static RunResult Progress(WorkflowExecutionContext context) => new()
    {
        State = context.State,
        Journal = [.. context.Journal],
        CreatedBookmarks = [.. context.CreatedBookmarks],
        PublishedEvents = [],
    };

    private async Task ExecuteNextAsync(WorkflowExecutionContext context, TokenFlow flow)
    {
        var state = context.State;
        var (activityId, scope) = Dequeue(state);
        var activity = context.Workflow.Activities[activityId];
        var consumed = scope is null ? flow.Consume(activityId) : ConsumeInFrame(scope, activity.Node.Id);

        // A retry repeats the execution that failed rather than starting another: the count, and with it
        // the idempotency key outside systems use to drop repeated side effects, stays the same.
        var repeat = state.FailedAttempts.ContainsKey(activityId);
        if (!repeat)
        {
            state.ExecutionCounts[activityId] = state.ExecutionCounts.GetValueOrDefault(activityId) + 1;
        }

        var activityContext = new ActivityExecutionContext(context, activity, scope);
        var started = clock.GetUtcNow();
        using var span = EngineTelemetry.StartActivitySpan(context, activity);
        try
        {
            var result = await InvokeAsync(() => activity.ExecuteAsync(activityContext), context.CancellationToken);
            Apply(activityContext, result, started);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The host is stopping: put the activity back as it was, so the saved state runs it again.
            if (activityContext.HasFrame)
            {
                FrameTree.Close(state, activityContext.Frame);
            }

            Requeue(state, activityId, scope?.Id);
            (scope is null ? state.Tokens : scope.Tokens ??= []).AddRange(consumed);
            if (!repeat)
            {
                state.ExecutionCounts[activityId]--;
            }
        }
    }

    // Work that composites scheduled runs before the root flowchart's, so that a composite's children run
    // while it is current: the root queue holds no more than the flat interpreter did.
    private static (string ActivityId, ExecutionFrame? Scope) Dequeue(WorkflowInstanceState state)
    {
        if (state.Scheduled.Count > 0)
        {
            var next = state.Scheduled[0];
            state.Scheduled.RemoveAt(0);
            return (next.ActivityId, FrameTree.Find(state, next.FrameId));
        }

        var id = state.Queue[0];
        state.Queue.RemoveAt(0);
        return (id, null);
    }

    private static void Requeue(WorkflowInstanceState state, string activityId, string? frameId)
    {
        if (frameId is null)
        {
            state.Queue.Insert(0, activityId);
        }
        else
        {
            state.Scheduled.Insert(0, new ScheduledActivity(activityId, frameId));
        }
    }

    private static List<Token> ConsumeInFrame(ExecutionFrame scope, string nodeId)
    {
        if (scope.Tokens is not { } tokens)
        {
            return [];
        }

        var consumed = tokens.FindAll(t => t.Target == nodeId);
        tokens.RemoveAll(t => t.Target == nodeId);
        return consumed;
    }

    private static async Task<ActivityResult> InvokeAsync(Func<ValueTask<ActivityResult>> invoke, CancellationToken hostStopping)
    {
        try
        {
            return await invoke();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !hostStopping.IsCancellationRequested)
        {
            // Only the host's own token means "stopping, run this again later". Any other cancellation (an
            // HttpClient timeout is a TaskCanceledException) is the activity failing, and its retry policy applies.
            return new FaultedByException(ex);
        }
    }

    private void Apply(ActivityExecutionContext context, ActivityResult result, DateTimeOffset started)
    {
        var state = context.Workflow.State;
        var id = context.Activity.Key;
        switch (result)
        {
            case ActivityResult.Completed completed:
                Complete(context, started, completed.Outcomes);
                break;
            case ActivityResult.AwaitingChildren:
                RecordResult(context);
                break;
            case ActivityResult.BreakRequested:
                Journal(context, started, JournalEntryStatus.Completed);
                BreakLoop(context);
                break;
            case ActivityResult.WorkflowCompletionRequested completion:
                Journal(context, started, JournalEntryStatus.Completed, completion.Outcomes);
                CompleteWorkflow(context, completion.Outcomes);
                break;
            case ActivityResult.Suspended suspended:
                AddBookmark(context, suspended.Bookmark);
                Journal(context, started, JournalEntryStatus.Suspended);
                break;
            case ActivityResult.SuspendedUntilFirst suspended:
                var groupId = Guid.CreateVersion7().ToString("N");
                foreach (var request in suspended.Bookmarks)
                {
                    AddBookmark(context, request, groupId);
                }

                Journal(context, started, JournalEntryStatus.Suspended);
                break;
            case ActivityResult.WorkflowFinished:
                Journal(context, started, JournalEntryStatus.FinishedWorkflow);
                FinishWorkflow(state);
                break;
            case FaultedByException faulted:
                LogActivityFailed(logger, faulted.Exception, id, state.Id);
                var (message, detail) = FaultExplanation.Of(faulted.Exception);
                Fault(context, started, message, faulted.Exception.GetType().FullName, ran: true, detail: detail);
                break;
            case ActivityResult.Faulted faulted:
                Fault(context, started, faulted.Message, exceptionType: null, ran: true, faulted.Retryable, faulted.Detail);
                break;
        }
    }

    private static void RecordResult(ActivityExecutionContext context)
    {
        if (context.HasResult)
        {
            var state = context.Workflow.State;
            state.ActivityOutputs[context.Activity.Key] = context.Result;
            state.LastResult = context.Result;
            OutputBindings.Apply(context);
        }
    }

    // ran is false when the run halted before the activity ran: no retry policy applies, and a retry
    // later runs it as a new execution rather than as a repeat of a failed one. retryable is false when the
    // activity said repeating cannot help: the instance faults at once, and a retry by hand still repeats this execution.
    private void Fault(ActivityExecutionContext context, DateTimeOffset started, string message, string? exceptionType, bool ran, bool retryable = true, string? detail = null)
    {
        var state = context.Workflow.State;
        var id = context.Activity.Key;
        var attempts = state.FailedAttempts.GetValueOrDefault(id) + 1;
        if (ran && retryable && context.Activity.Node.RetryPolicy is { } policy && attempts < policy.MaxAttempts)
        {
            state.FailedAttempts[id] = attempts;
            AddBookmark(context, new BookmarkRequest(Bookmark.RetryName, DueAt: clock.GetUtcNow() + policy.DelayBefore(attempts + 1)));
            Journal(context, started, JournalEntryStatus.Retrying, error: message);
            return;
        }

        // Continuing with incidents ends only this path; a run halted by the engine's own limit always faults.
        var continues = ran && Strategies.WorkflowStrategies.Of(context.Workflow.Definition).Incident == Strategies.IncidentStrategy.ContinueWithIncidents;
        if (ran && !continues)
        {
            // Kept so that RetryAsync repeats this execution instead of starting another.
            state.FailedAttempts[id] = attempts;
        }
        else if (continues)
        {
            // No retry follows: a later execution of this activity (in a loop) is a new one, with a key of its own.
            state.FailedAttempts.Remove(id);
        }

        // A composite that faulted (a loop whose condition threw) starts over when retried: its frame goes.
        if (context.HasFrame)
        {
            FrameTree.Close(state, context.Frame);
        }

        state.FaultedActivityId = continues ? null : id;
        state.FaultedFrameId = continues ? null : context.Scope?.Id;
        state.Incidents.Add(new Incident
        {
            ActivityId = context.ActivityId,
            ActivityType = context.Activity.Node.Type,
            Message = message,
            Detail = detail,
            ExceptionType = exceptionType,
            Attempts = attempts,
            Timestamp = clock.GetUtcNow(),
        });
        Journal(context, started, JournalEntryStatus.Faulted, error: message);
        if (!continues)
        {
            End(state, WorkflowSubStatus.Faulted);
        }
    }

    private void AddBookmark(ActivityExecutionContext context, BookmarkRequest request, string? groupId = null)
    {
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7().ToString("N"),
            ActivityId = context.Activity.Key,
            FrameId = context.Scope?.Id,
            ActivityType = context.Activity.Node.Type,
            Name = request.Name,
            CorrelationId = request.CorrelationId,
            DueAt = request.DueAt,
            Payload = request.Payload,
            GroupId = groupId,
            CreatedAt = clock.GetUtcNow(),
        };
        context.Workflow.State.Bookmarks.Add(bookmark);
        context.Workflow.CreatedBookmarks.Add(bookmark);
    }

    private void Journal(ActivityExecutionContext context, DateTimeOffset started, JournalEntryStatus status, IReadOnlyList<string>? outcomes = null, string? error = null)
    {
        var state = context.Workflow.State;
        var entry = new JournalEntry
        {
            Sequence = ++state.JournalSequence,
            ActivityId = context.ActivityId,
            ActivityType = context.Activity.Node.Type,
            ActivityName = context.Activity.Node.DisplayText,
            StartedAt = started,
            CompletedAt = clock.GetUtcNow(),
            Status = status,
            Outcomes = outcomes ?? [],
            Message = context.Message is not null && LogPersistence.JournalLogPersistence.KeepsMessage(context) ? context.Message : null,
            Error = error,
        };
        context.Workflow.Journal.Add(entry);
        EngineTelemetry.ActivityEnded(entry);
    }

    private RunResult Finish(WorkflowExecutionContext context)
    {
        var state = context.State;
        if (state.SubStatus == WorkflowSubStatus.Executing && !state.HasQueuedWork())
        {
            if (state.Bookmarks.Count == 0)
            {
                // Nothing runs or waits any more: composites still open (a join that never fired) end with it.
                state.Frames.Clear();
                End(state, WorkflowSubStatus.Finished);
            }
            else
            {
                state.SubStatus = WorkflowSubStatus.Suspended;
            }
        }

        state.UpdatedAt = clock.GetUtcNow();
        return new RunResult
        {
            State = state,
            Journal = context.Journal,
            CreatedBookmarks = context.CreatedBookmarks,
            PublishedEvents = context.PublishedEvents,
            StartedChildren = context.StartedChildren,
        };
    }

    private void End(WorkflowInstanceState state, WorkflowSubStatus subStatus)
    {
        state.Status = WorkflowStatus.Finished;
        state.SubStatus = subStatus;
        state.FinishedAt = clock.GetUtcNow();
        state.UpdatedAt = state.FinishedAt.Value;
        EngineTelemetry.InstanceEnded(state);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityId} of instance {InstanceId} failed")]
    private static partial void LogActivityFailed(ILogger logger, Exception exception, string activityId, string instanceId);

    private sealed record FaultedByException(Exception Exception) : ActivityResult;
}
