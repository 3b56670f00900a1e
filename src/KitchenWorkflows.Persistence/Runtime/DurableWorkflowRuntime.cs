using System.Security.Cryptography;
using System.Text;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Runtime;
using KitchenWorkflows.Engine.Strategies;
using KitchenWorkflows.Persistence.Definitions;
using KitchenWorkflows.Persistence.Instances;
using KitchenWorkflows.Persistence.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// The engine on a store: starts, dispatches, resumes, retries and cancels instances so that every
/// step is committed before it is acknowledged, one instance runs on one worker at a time (an
/// in-process lock plus a lease row across nodes), and a stimulus consumes its bookmark exactly once.
/// </summary>
public sealed partial class DurableWorkflowRuntime(
    RuntimeStore store,
    RecoveryStore recovery,
    InstanceQueries instances,
    ChildWorkflowRecovery childRecovery,
    CompiledWorkflowCache workflows,
    WorkflowRunner runner,
    IWorkflowScheduler scheduler,
    DispatchQueue dispatchQueue,
    TimeProvider clock,
    IOptions<RuntimeOptions> options,
    ILogger<DurableWorkflowRuntime> logger) : IWorkflowBackgroundWork
{
    private readonly RuntimeOptions _options = options.Value;
    private readonly InstanceLocks _locks = new();

    // How late a due bookmark must be before the periodic sweep takes it from the scheduler's job.
    private static readonly TimeSpan SweepGrace = TimeSpan.FromSeconds(30);

    /// <summary>This node's lease name.</summary>
    public string NodeId => _options.NodeId;

    /// <summary>
    /// Starts an instance of the published version. With <paramref name="dispatch"/> it is committed as
    /// pending and handed to the worker pool; otherwise it runs here until it finishes or waits.
    /// </summary>
    /// <param name="definitionId">The definition.</param>
    /// <param name="request">Input, correlation, trigger.</param>
    /// <param name="idempotencyKey">The client's key: a repeat with the same body returns the first instance.</param>
    /// <param name="dispatch">Queue to the worker pool instead of running here.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="version">A specific version (a draft under test in the Studio); null runs the published one.</param>
    /// <exception cref="WorkflowRuntimeException">No such version; or the idempotency key was used with another body.</exception>
    /// <exception cref="ActivationRefusedException">The workflow's activation strategy allows no new instance now.</exception>
    public async Task<StartResult> StartAsync(string definitionId, StartRequest request, string? idempotencyKey, bool dispatch, CancellationToken cancellationToken = default, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (version is { } number)
        {
            var draft = await TryGetVersionAsync(definitionId, number, cancellationToken)
                ?? throw new WorkflowRuntimeException(WorkflowRuntimeError.NotFound, $"Workflow '{definitionId}' has no version {number}.");
            return (await TryStartAsync(draft, request, idempotencyKey, dispatch, checkPublished: false, cancellationToken))!;
        }

        // The version this node last saw published; when another node published since, the insert is refused and the
        // start runs again on the version published now.
        while (true)
        {
            var workflow = await workflows.GetLastSeenPublishedAsync(definitionId, cancellationToken)
                ?? throw new WorkflowRuntimeException(WorkflowRuntimeError.NotFound, $"Workflow '{definitionId}' has no published version.");
            if (await TryStartAsync(workflow, request, idempotencyKey, dispatch, checkPublished: true, cancellationToken) is { } started)
            {
                return started;
            }

            workflows.PublishedChanged(definitionId);
        }
    }

    // A trigger whose start the activation strategy refuses starts nothing, as in Elsa; null then.
    private async Task<StartResult?> TryStartTriggeredAsync(string definitionId, StartRequest request, bool dispatch, CancellationToken cancellationToken)
    {
        try
        {
            return await StartAsync(definitionId, request, idempotencyKey: null, dispatch, cancellationToken);
        }
        catch (ActivationRefusedException)
        {
            return null;
        }
    }

    // Null when checkPublished and the workflow's version was no longer the published one at the insert.
    private async Task<StartResult?> TryStartAsync(CompiledWorkflow workflow, StartRequest request, string? idempotencyKey, bool dispatch, bool checkPublished, CancellationToken cancellationToken)
    {
        var scopedKey = idempotencyKey is null ? null : $"{workflow.DefinitionId}:{idempotencyKey}";
        // Hashed only for a key: serializing the input costs as much as a small run.
        var requestHash = scopedKey is null ? null : Hash(request);
        if (scopedKey is not null && await FindReplayAsync(scopedKey, requestHash!, cancellationToken) is { } replay)
        {
            return replay;
        }

        var strategy = WorkflowStrategies.Of(workflow.Definition).Activation;
        if (RunningInstanceFilter.For(strategy, workflow.DefinitionId, request.CorrelationId) is { } filter && await instances.AnyRunningAsync(filter, cancellationToken))
        {
            // Checked before the insert, as Elsa does: two starts at the same moment can both pass.
            throw filter.Refusal(strategy, workflow.DefinitionId);
        }

        var state = runner.CreateInstance(workflow, request);
        var start = new NewInstance(state, WorkflowStateSerializer.Serialize(state), NodeId, _options.LeaseDuration,
            scopedKey is null ? null : (scopedKey, requestHash!), checkPublished ? workflow.Version : null);
        if (dispatch)
        {
            var (inserted, concurrent) = await InsertAsync(start, cancellationToken);
            if (!inserted)
            {
                return concurrent;
            }

            dispatchQueue.Enqueue(state.Id);
            return new StartResult(state, Replayed: false);
        }

        RunResult result;
        IReadOnlyList<StartedChild> children;
        // Locked before the insert: once committed the instance is pending, and this node's poller (which on SQLite
        // sees no lease) would otherwise run it too, from the same start.
        using (await _locks.TryEnterAsync(state.Id, Timeout.InfiniteTimeSpan, cancellationToken))
        {
            var (inserted, concurrent) = await InsertAsync(start, cancellationToken);
            if (!inserted)
            {
                return concurrent;
            }

            try
            {
                var commits = new RunCommits(this, StoredIndex.None);
                await using (KeepLease(state.Id))
                {
                    result = await runner.RunAsync(workflow, state, cancellationToken, commits.CommitAsync);
                }

                children = await SaveAsync(result, commits.Stored, keepLease: false, cancellationToken);
            }
            catch
            {
                // As in WithInstanceAsync: the start is committed, so give its lease back and let the
                // dispatch pool run it now rather than after the lease lapses.
                await ReleaseAsync(state.Id, CancellationToken.None);
                throw;
            }
        }

        await AfterSaveAsync(result, children, cancellationToken);
        return new StartResult(await CurrentAsync(result, cancellationToken), Replayed: false);
    }

    /// <summary>
    /// Runs the queued work of a pending instance (a dispatched one, or one a dead node left). An instance another
    /// node holds is skipped, not waited for: that node runs it, and if it dies the poller offers it again.
    /// </summary>
    public Task RunPendingAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WithInstanceAsync(instanceId, async (workflow, state, commit) =>
            state.SubStatus == WorkflowSubStatus.Executing && state.HasQueuedWork()
                ? await runner.RunAsync(workflow, state, cancellationToken, commit)
                : null, cancellationToken, waitForLease: false);

    /// <summary>Resumes one bookmark with a stimulus; false when it was already consumed or the instance is gone.</summary>
    public async Task<bool> ResumeAsync(string instanceId, string bookmarkId, object? payload, CancellationToken cancellationToken = default)
    {
        var result = await WithInstanceAsync(instanceId, async (workflow, state, commit) =>
            state.Status == WorkflowStatus.Running && state.Bookmarks.Exists(b => b.Id == bookmarkId)
                ? await runner.ResumeAsync(workflow, state, bookmarkId, payload, cancellationToken, commit)
                : null, cancellationToken);
        return result is not null;
    }

    /// <summary>
    /// Delivers an event: resumes every bookmark waiting on it (and on the correlation, when given), and
    /// starts every published workflow with a trigger that listens for that event. Returns the instances it touched.
    /// </summary>
    /// <param name="eventName">The event.</param>
    /// <param name="correlationId">Only bookmarks of this correlation, when given; the correlation of started instances.</param>
    /// <param name="payload">The event's data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="onlyDefinitions">When given, only instances and triggers of these definitions (an API client's allowed ones).</param>
    public async Task<IReadOnlyList<string>> PublishEventAsync(
        string eventName, string? correlationId, object? payload, CancellationToken cancellationToken = default, IReadOnlyCollection<string>? onlyDefinitions = null)
    {
        var targets = await store.FindEventTargetsAsync(eventName, correlationId, onlyDefinitions, cancellationToken);
        var touched = new List<string>();
        // A parent's wait for its child is resumed by the child's end only, never by an event of the same name.
        foreach (var (instanceId, bookmarkId) in ChildWorkflowWait.Names.Contains(eventName) ? [] : targets.Bookmarks)
        {
            if (await ResumeAsync(instanceId, bookmarkId, payload, cancellationToken))
            {
                touched.Add(instanceId);
            }
        }

        foreach (var (definitionId, activityId) in targets.Triggers)
        {
            if (await TryStartTriggeredAsync(definitionId, new StartRequest { CorrelationId = correlationId, TriggerActivityId = activityId, TriggerPayload = payload }, dispatch: false, cancellationToken) is { } started)
            {
                touched.Add(started.State.Id);
            }
        }

        return touched;
    }

    /// <summary>Retries a faulted instance from the activity that faulted.</summary>
    /// <exception cref="WorkflowRuntimeException">The instance does not exist or is not faulted.</exception>
    public Task<WorkflowInstanceState> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        RetryAsync(instanceId, lastUpdatedAt: null, cancellationToken);

    /// <summary>
    /// Retries a faulted instance only if it was last saved at <paramref name="lastUpdatedAt"/> (a bulk plan's snapshot):
    /// one that changed since, a retry of this plan's before a restart included, is left alone.
    /// </summary>
    /// <exception cref="WorkflowRuntimeException">The instance does not exist, is not faulted, or changed since.</exception>
    public async Task<WorkflowInstanceState> RetryAsync(string instanceId, DateTimeOffset? lastUpdatedAt, CancellationToken cancellationToken)
    {
        var result = await WithInstanceAsync(instanceId, async (workflow, state, commit) =>
        {
            ThrowIfChangedSince(state, lastUpdatedAt);
            return state.SubStatus == WorkflowSubStatus.Faulted
                ? await runner.RetryAsync(workflow, state, cancellationToken, commit)
                : throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, $"Instance {instanceId} is {state.SubStatus}; only a faulted instance can be retried.");
        }, cancellationToken);
        return result?.State ?? throw NotFound(instanceId);
    }

    /// <summary>Cancels a running or faulted instance, and its running children with it.</summary>
    /// <exception cref="WorkflowRuntimeException">The instance does not exist or already ended.</exception>
    public Task<WorkflowInstanceState> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        CancelAsync(instanceId, lastUpdatedAt: null, cancellationToken);

    /// <summary>Cancels a running or faulted instance only if it was last saved at <paramref name="lastUpdatedAt"/> (see <see cref="RetryAsync(string, DateTimeOffset?, CancellationToken)"/>).</summary>
    /// <exception cref="WorkflowRuntimeException">The instance does not exist, already ended, or changed since.</exception>
    public async Task<WorkflowInstanceState> CancelAsync(string instanceId, DateTimeOffset? lastUpdatedAt, CancellationToken cancellationToken)
    {
        var result = await WithInstanceAsync(instanceId, (_, state, _) =>
        {
            ThrowIfChangedSince(state, lastUpdatedAt);
            if (state.Status == WorkflowStatus.Finished && state.SubStatus != WorkflowSubStatus.Faulted)
            {
                throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, $"Instance {instanceId} is {state.SubStatus} and cannot be cancelled.");
            }

            runner.Cancel(state);
            return Task.FromResult<RunResult?>(new RunResult { State = state, Journal = [], CreatedBookmarks = [], PublishedEvents = [] });
        }, cancellationToken);
        await CancelChildrenAsync(instanceId, cancellationToken);
        return result?.State ?? throw NotFound(instanceId);
    }

    // The snapshot keeps the time to the tick, the store's column to a tenth of a millisecond (SQLite's binary
    // DateTimeOffset) or a microsecond (PostgreSQL): compared at the coarsest. No two saves of one instance come closer.
    private static void ThrowIfChangedSince(WorkflowInstanceState state, DateTimeOffset? lastUpdatedAt)
    {
        if (lastUpdatedAt is { } expected && Math.Abs((state.UpdatedAt - expected).Ticks) >= TimeSpan.TicksPerMillisecond / 10)
        {
            throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, $"Instance {state.Id} changed since the plan was made.");
        }
    }

    /// <inheritdoc />
    public Task ResumeDueBookmarkAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default) =>
        ResumeAsync(instanceId, bookmarkId, payload: null, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> FireTriggerAsync(string definitionId, string activityId, int? version, CancellationToken cancellationToken = default)
    {
        var workflow = await workflows.GetPublishedAsync(definitionId, cancellationToken);
        if (workflow is null || (version is not null && workflow.Version != version) ||
            !workflow.Triggers.Any(t => t.ActivityId == activityId && t.ListensFor.Schedule is not null))
        {
            LogStaleTrigger(logger, definitionId, activityId);
            return false;
        }

        await TryStartTriggeredAsync(definitionId, new StartRequest { TriggerActivityId = activityId }, dispatch: true, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public Task SweepAsync(CancellationToken cancellationToken = default) => SweepAsync(SweepGrace, cancellationToken);

    /// <summary>
    /// Sweeps without the grace, resuming every bookmark already due: run at start-up, because the
    /// scheduled jobs a killed process had fetched stay invisible in the job store for a long while
    /// (30 minutes in Hangfire's SQLite storage) and their instances would wait for the periodic sweep.
    /// </summary>
    public Task ResumeOverdueAsync(CancellationToken cancellationToken = default) => SweepAsync(TimeSpan.Zero, cancellationToken);

    /// <summary>Ids of instances with queued work that no live node holds, oldest first.</summary>
    public Task<List<string>> FindPendingAsync(int limit, CancellationToken cancellationToken = default) =>
        recovery.FindPendingAsync(clock.GetUtcNow(), limit, cancellationToken);

    /// <summary>
    /// Gives back the leases this node held before a restart, so its unfinished work resumes at once. On SQLite every
    /// lease: its single owner writes none, so any left come from an earlier version.
    /// </summary>
    public Task ReleaseOwnLeasesAsync(CancellationToken cancellationToken = default) =>
        recovery.ReleaseLeasesOfAsync(NodeId, cancellationToken);

    private async Task SweepAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A bookmark still here after its due time lost its scheduled job (the process died between
        // the commit and the scheduling, or while the job ran); resuming twice is harmless. An instance
        // a live worker holds is left alone: waiting for its lease would stall the sweep for nothing.
        var overdue = await recovery.FindOverdueBookmarksAsync(now - grace, now, 500, cancellationToken);
        var abandoned = await recovery.FindPendingAsync(now, 500, cancellationToken);

        foreach (var id in abandoned)
        {
            dispatchQueue.Enqueue(id);
        }

        await SweepChildrenAsync(now - grace, now, cancellationToken);

        await Parallel.ForEachAsync(overdue, new ParallelOptions { MaxDegreeOfParallelism = _options.DispatchWorkers, CancellationToken = cancellationToken }, async (bookmark, token) =>
        {
            try
            {
                await ResumeAsync(bookmark.InstanceId, bookmark.BookmarkId, payload: null, token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // One instance that cannot be resumed now must not keep the others waiting for the next sweep.
                LogSweepResumeFailed(logger, ex, bookmark.BookmarkId, bookmark.InstanceId);
            }
        });
    }

    private async Task<RunResult?> WithInstanceAsync(string instanceId, Func<CompiledWorkflow, WorkflowInstanceState, RunCommit, Task<RunResult?>> run, CancellationToken cancellationToken, bool waitForLease = true)
    {
        RunResult? result;
        IReadOnlyList<StartedChild> children;
        using (var gate = await _locks.TryEnterAsync(instanceId, _options.LeaseWaitTimeout, cancellationToken)
            ?? throw new WorkflowRuntimeException(WorkflowRuntimeError.Busy, $"Instance {instanceId} is busy; try again."))
        {
            var snapshot = await ClaimAsync(instanceId, waitForLease, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }

            try
            {
                var state = WorkflowStateSerializer.Deserialize(snapshot);
                var commits = new RunCommits(this, StoredIndex.Of(state));
                var workflow = await workflows.GetAsync(state.DefinitionId, state.DefinitionVersion, cancellationToken);
                await using (KeepLease(instanceId))
                {
                    result = await run(workflow, state, commits.CommitAsync);
                }

                if (result is null)
                {
                    await ReleaseAsync(instanceId, CancellationToken.None);
                    return null;
                }

                children = await SaveAsync(result, commits.Stored, keepLease: false, cancellationToken);
            }
            catch
            {
                await ReleaseAsync(instanceId, CancellationToken.None);
                throw;
            }
        }

        await AfterSaveAsync(result, children, cancellationToken);
        return result;
    }

    // Takes the lease and returns the snapshot, waiting while another node holds it (unless told not to); null
    // when the instance does not exist, or is held elsewhere and the caller does not wait.
    private async Task<byte[]?> ClaimAsync(string instanceId, bool wait, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + _options.LeaseWaitTimeout;
        var backoff = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var now = clock.GetUtcNow();
            if (await store.TryClaimAsync(instanceId, NodeId, now, now + _options.LeaseDuration, cancellationToken) is { } snapshot)
            {
                return snapshot;
            }

            if (!wait || !await store.ExistsAsync(instanceId, cancellationToken))
            {
                return null;
            }

            if (clock.GetUtcNow() > deadline)
            {
                throw new WorkflowRuntimeException(WorkflowRuntimeError.Busy, $"Instance {instanceId} is held by another node; try again.");
            }

            await Task.Delay(backoff, clock, cancellationToken);
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 500));
        }
    }

    private IAsyncDisposable? KeepLease(string instanceId) => store.KeepLease(instanceId, NodeId, clock, _options.LeaseDuration);

    private Task ReleaseAsync(string instanceId, CancellationToken cancellationToken) =>
        store.ReleaseAsync(instanceId, NodeId, cancellationToken);

    // One transaction: the snapshot and the lease release (only if this node still holds the lease; a long run's
    // commit keeps it), the bookmark and tag rows that changed, the new journal entries and incidents. The children the
    // run asked for are inserted first (a long run's commit never has any): a crash before the save leaves them pending,
    // and the run repeated from the previous save asks for the same ids and finds them.
    private async Task<IReadOnlyList<StartedChild>> SaveAsync(RunResult result, StoredIndex stored, bool keepLease, CancellationToken cancellationToken)
    {
        var children = new List<StartedChild>();
        foreach (var child in result.StartedChildren)
        {
            children.Add(await InsertChildAsync(result.State.Id, child, cancellationToken));
        }

        var state = result.State;
        // A run faults at most once (it stops there), and the fault's incident is the snapshot's newest.
        var incident = result.Journal.Any(e => e.Status == JournalEntryStatus.Faulted) && state.Incidents.Count > 0 ? state.Incidents[^1] : null;
        var save = new InstanceSave(state, WorkflowStateSerializer.Serialize(state), NodeId, stored.BookmarkIds, stored.Tags, result.Journal, incident, keepLease);
        if (!await store.SaveAsync(save, cancellationToken))
        {
            throw new WorkflowRuntimeException(WorkflowRuntimeError.Busy, $"Instance {state.Id} was taken over by another node; its run is discarded.");
        }

        return children;
    }

    private async Task AfterSaveAsync(RunResult result, IReadOnlyList<StartedChild> children, CancellationToken cancellationToken)
    {
        await FollowChildrenAsync(result.State, children, cancellationToken);
        foreach (var bookmark in result.CreatedBookmarks)
        {
            if (bookmark.DueAt is { } due && result.State.Bookmarks.Exists(b => b.Id == bookmark.Id))
            {
                try
                {
                    await scheduler.ScheduleBookmarkAsync(result.State.Id, bookmark.Id, due, bookmark.Name == Bookmark.RetryName, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The run is saved and its bookmark stored: the sweep resumes an overdue bookmark that has no job, so a
                    // scheduler that cannot take the job now (its storage full, say) does not fail a run that succeeded.
                    LogScheduleFailed(logger, ex, bookmark.Id, result.State.Id);
                }
            }
        }

        foreach (var published in result.PublishedEvents)
        {
            await PublishEventAsync(published.EventName, published.CorrelationId, published.Payload, cancellationToken);
        }
    }

    // Inserts a new instance (leased to this node where nodes share the store, even when dispatched: its own worker
    // runs it, and another node's poller leaves it alone unless this node dies and the lease lapses). Not inserted:
    // with the first instance of a concurrent call that won the insert with the same idempotency key, or with nothing
    // when the version checked is no longer the published one.
    private async Task<(bool Inserted, StartResult? Concurrent)> InsertAsync(NewInstance start, CancellationToken cancellationToken) =>
        await store.InsertAsync(start, cancellationToken) switch
        {
            InsertOutcome.Inserted => (true, null),
            InsertOutcome.KeyTaken => (false, await FindReplayAsync(start.Key!.Value.Key, start.Key.Value.RequestHash, cancellationToken)
                ?? throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, "The idempotency key is being used by a concurrent request.")),
            _ => (false, null),
        };

    private async Task<StartResult?> FindReplayAsync(string scopedKey, string requestHash, CancellationToken cancellationToken)
    {
        if (await store.FindKeyedStartAsync(scopedKey, cancellationToken) is not { } keyed)
        {
            return null;
        }

        return keyed.RequestHash == requestHash
            ? new StartResult(WorkflowStateSerializer.Deserialize(keyed.Snapshot), Replayed: true)
            : throw new WorkflowRuntimeException(WorkflowRuntimeError.Conflict, "The Idempotency-Key was already used with a different request body.");
    }

    private async Task<CompiledWorkflow?> TryGetVersionAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        try
        {
            return await workflows.GetAsync(definitionId, version, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static string Hash(StartRequest request)
    {
        var text = System.Text.Json.JsonSerializer.Serialize(new { request.CorrelationId, request.Input }, WorkflowStateSerializer.Options);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static WorkflowRuntimeException NotFound(string instanceId) =>
        new(WorkflowRuntimeError.NotFound, $"No instance '{instanceId}'.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep: resuming overdue bookmark {BookmarkId} of instance {InstanceId} failed; the next sweep tries again")]
    private static partial void LogSweepResumeFailed(ILogger logger, Exception exception, string bookmarkId, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling the due time of bookmark {BookmarkId} of instance {InstanceId} failed; the sweep resumes it once it is overdue")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, string bookmarkId, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {ActivityId} of {DefinitionId} is no longer published; skipped")]
    private static partial void LogStaleTrigger(ILogger logger, string definitionId, string activityId);

    /// <summary>
    /// A run's commits of its progress (<see cref="RunCommit"/>): each saves the state and the journal since the last one
    /// under the run's lease, and what it stored is what the next save compares with.
    /// </summary>
    private sealed class RunCommits(DurableWorkflowRuntime runtime, StoredIndex stored)
    {
        public StoredIndex Stored { get; private set; } = stored;

        public async Task CommitAsync(RunResult progress, CancellationToken cancellationToken)
        {
            await runtime.SaveAsync(progress, Stored, keepLease: true, cancellationToken);
            Stored = StoredIndex.Of(progress.State);
        }
    }
}
