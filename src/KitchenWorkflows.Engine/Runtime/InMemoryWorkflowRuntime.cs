using System.Collections.Concurrent;
using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Strategies;

namespace KitchenWorkflows.Engine.Runtime;

/// <summary>
/// A complete workflow host in one process, with nothing persisted beyond memory: published
/// definitions, instances kept as serialized snapshots (so every resume goes through the snapshot
/// format), event delivery, and an in-process scheduler for due-time bookmarks and scheduled
/// triggers driven by the <see cref="TimeProvider"/>. For tests, tools and the benchmark; the server
/// composes the same engine parts with its database and Hangfire.
/// </summary>
public sealed partial class InMemoryWorkflowRuntime(WorkflowCompiler compiler, WorkflowRunner runner, TimeProvider clock) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, CompiledWorkflow> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, int), CompiledWorkflow> _versions = new();
    private readonly ConcurrentDictionary<string, byte[]> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JournalEntry>> _journals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _background = new();

    // Index of the event bookmarks (no due time) of every saved snapshot, kept in step with _snapshots by Save,
    // so that delivering an event looks up the instances that wait on it instead of loading every snapshot.
    private readonly EventBookmarkIndex _eventBookmarks = new();

    /// <summary>Compiles and publishes a definition; new instances of its id run this version.</summary>
    /// <exception cref="Validation.WorkflowDefinitionException">The definition does not validate.</exception>
    public CompiledWorkflow Publish(WorkflowDefinition definition)
    {
        var compiled = compiler.Compile(definition);
        _versions[(compiled.DefinitionId, compiled.Version)] = compiled;
        _published[compiled.DefinitionId] = compiled;
        foreach (var trigger in compiled.Triggers.Where(t => t.ListensFor.Schedule is not null))
        {
            ScheduleTrigger(compiled, trigger, clock.GetUtcNow());
        }

        return compiled;
    }

    /// <summary>Starts an instance of the published version and runs it until it finishes or waits.</summary>
    /// <exception cref="ActivationRefusedException">The workflow's activation strategy allows no new instance now.</exception>
    public async Task<RunResult> StartAsync(string definitionId, StartRequest request, CancellationToken cancellationToken = default)
    {
        var workflow = _published.TryGetValue(definitionId, out var found)
            ? found
            : throw new KeyNotFoundException($"No published workflow '{definitionId}'.");
        var strategy = WorkflowStrategies.Of(workflow.Definition).Activation;
        if (RunningInstanceFilter.For(strategy, definitionId, request.CorrelationId) is { } filter && _snapshots.Keys.Any(id => Load(id) is { } running && filter.Matches(running)))
        {
            throw filter.Refusal(strategy, definitionId);
        }

        var state = runner.CreateInstance(workflow, request);
        return await RunLockedAsync(state.Id, _ => runner.RunAsync(workflow, state, cancellationToken));
    }

    // A trigger whose start the activation strategy refuses starts nothing, as in Elsa; null then.
    private async Task<RunResult?> TryStartTriggeredAsync(string definitionId, StartRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await StartAsync(definitionId, request, cancellationToken);
        }
        catch (ActivationRefusedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Delivers an event: resumes every bookmark of that name (and correlation, when given) and starts
    /// every published workflow with a trigger that listens for that event. Returns the instance ids touched.
    /// </summary>
    public async Task<IReadOnlyList<string>> PublishEventAsync(string eventName, string? correlationId, object? payload, CancellationToken cancellationToken = default)
    {
        var touched = new List<string>();
        // A parent's wait for its child is resumed by the child's end only, never by an event of the same name.
        foreach (var (instanceId, bookmarkId) in ChildWorkflowWait.Names.Contains(eventName) ? [] : _eventBookmarks.Find(eventName, correlationId))
        {
            if (await TryResumeAsync(instanceId, bookmarkId, payload, cancellationToken) is not null)
            {
                touched.Add(instanceId);
            }
        }

        foreach (var workflow in _published.Values)
        {
            foreach (var trigger in workflow.Triggers.Where(t => t.ListensFor.EventName == eventName))
            {
                if (await TryStartTriggeredAsync(workflow.DefinitionId, new StartRequest { CorrelationId = correlationId, TriggerActivityId = trigger.ActivityId, TriggerPayload = payload }, cancellationToken) is { } result)
                {
                    touched.Add(result.State.Id);
                }
            }
        }

        return touched;
    }

    /// <summary>Resumes one bookmark; null when it was already consumed (by a concurrent stimulus, say).</summary>
    public Task<RunResult?> TryResumeAsync(string instanceId, string bookmarkId, object? payload, CancellationToken cancellationToken = default) =>
        RunLockedAsync(instanceId, async state =>
        {
            if (state is null || state.Status != WorkflowStatus.Running || !state.Bookmarks.Exists(b => b.Id == bookmarkId))
            {
                return null;
            }

            return await runner.ResumeAsync(VersionOf(state), state, bookmarkId, payload, cancellationToken);
        });

    /// <summary>Retries a faulted instance from the faulted activity.</summary>
    public Task<RunResult> RetryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        RunLockedAsync(instanceId, async state =>
        {
            var result = await runner.RetryAsync(VersionOf(Require(state, instanceId)), state!, cancellationToken);

            // Timers of bookmarks that fell due while the instance was faulted fired and found nothing to
            // resume; they are armed again (at once when past due), the lock keeping them behind the save.
            ScheduleBookmarks(result.State.Id, result.State.Bookmarks.Except(result.CreatedBookmarks));
            return result;
        });

    /// <summary>Cancels an instance, and its running children with it.</summary>
    public async Task CancelAsync(string instanceId)
    {
        // Saved as a run without journal entries, so that a parent waiting for this instance hears that it ended.
        await RunLockedAsync(instanceId, state =>
        {
            runner.Cancel(Require(state, instanceId));
            return Task.FromResult(new RunResult { State = state!, Journal = [], CreatedBookmarks = [], PublishedEvents = [] });
        });
        await CancelChildrenAsync(instanceId);
    }

    /// <summary>The current snapshot of an instance, or null.</summary>
    public WorkflowInstanceState? GetInstance(string instanceId) => Load(instanceId);

    /// <summary>The journal of an instance, in order.</summary>
    public IReadOnlyList<JournalEntry> GetJournal(string instanceId) =>
        _journals.TryGetValue(instanceId, out var journal) ? [.. journal] : [];

    /// <summary>Waits until every timer-driven run started so far has completed.</summary>
    public async Task WhenIdleAsync()
    {
        while (!_background.IsEmpty)
        {
            await Task.WhenAll(_background.Keys);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var timer in _timers.Values)
        {
            await timer.DisposeAsync();
        }

        _timers.Clear();
        await WhenIdleAsync();
    }

    private async Task<T> RunLockedAsync<T>(string instanceId, Func<WorkflowInstanceState?, Task<T>> run)
    {
        var gate = _locks.GetOrAdd(instanceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        T result;
        try
        {
            result = await run(Load(instanceId));
            if (result is RunResult runResult)
            {
                Save(runResult.State, runResult.Journal);
                ScheduleBookmarks(runResult.State.Id, runResult.CreatedBookmarks);
                foreach (var published in runResult.PublishedEvents)
                {
                    Track(PublishEventAsync(published.EventName, published.CorrelationId, published.Payload));
                }
            }
        }
        finally
        {
            gate.Release();
        }

        // Outside the lock: a child run now resumes this instance when it ends, which takes the lock again.
        if (result is RunResult saved)
        {
            await FollowChildrenAsync(saved);
        }

        return result;
    }

    private void Save(WorkflowInstanceState state, IReadOnlyList<JournalEntry> journal)
    {
        _snapshots[state.Id] = WorkflowStateSerializer.Serialize(state);
        _eventBookmarks.Update(state);
        var entries = _journals.GetOrAdd(state.Id, _ => new ConcurrentQueue<JournalEntry>());
        foreach (var entry in journal)
        {
            entries.Enqueue(entry);
        }
    }

    private WorkflowInstanceState? Load(string instanceId) =>
        _snapshots.TryGetValue(instanceId, out var bytes) ? WorkflowStateSerializer.Deserialize(bytes) : null;

    private CompiledWorkflow VersionOf(WorkflowInstanceState state) => _versions[(state.DefinitionId, state.DefinitionVersion)];

    private static WorkflowInstanceState Require(WorkflowInstanceState? state, string instanceId) =>
        state ?? throw new KeyNotFoundException($"No instance '{instanceId}'.");

    private void ScheduleBookmarks(string instanceId, IEnumerable<Bookmark> bookmarks)
    {
        foreach (var bookmark in bookmarks)
        {
            if (bookmark.DueAt is { } due)
            {
                SetTimer("bookmark:" + bookmark.Id, due, () => TryResumeAsync(instanceId, bookmark.Id, payload: null));
            }
        }
    }

    private void ScheduleTrigger(CompiledWorkflow workflow, WorkflowTrigger trigger, DateTimeOffset after)
    {
        if (trigger.ListensFor.Schedule!.GetNextOccurrence(after) is not { } due)
        {
            return;
        }

        SetTimer($"trigger:{workflow.DefinitionId}:{trigger.ActivityId}", due, async () =>
        {
            // A trigger fires only for the version still published; republishing reschedules it.
            if (_published.TryGetValue(workflow.DefinitionId, out var current) && current == workflow)
            {
                ScheduleTrigger(workflow, trigger, due);
                await TryStartTriggeredAsync(workflow.DefinitionId, new StartRequest { TriggerActivityId = trigger.ActivityId }, CancellationToken.None);
            }
        });
    }

    private void SetTimer(string key, DateTimeOffset due, Func<Task> callback)
    {
        // Armed only once stored, so a timer that is already due cannot fire before it can be found.
        var timer = clock.CreateTimer(
            _ =>
            {
                if (_timers.TryRemove(key, out var fired))
                {
                    fired.Dispose();
                    Track(callback());
                }
            },
            state: null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        if (_timers.TryGetValue(key, out var previous))
        {
            previous.Dispose();
        }

        _timers[key] = timer;
        var delay = due - clock.GetUtcNow();
        timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    private void Track(Task task)
    {
        _background.TryAdd(task, 0);
        task.ContinueWith(t => _background.TryRemove(t, out _), TaskScheduler.Default);
    }
}

/// <summary>
/// Which instances wait on which events: per instance, its event bookmarks (those without a due time) in the
/// order of its saved snapshot, plus lookups by event name and by (event name, correlation id). Updated under
/// the instance's lock each time its snapshot is saved; one lock guards the whole index (its operations are short).
/// </summary>
internal sealed class EventBookmarkIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Name, string? CorrelationId, string BookmarkId)[]> _byInstance = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string CorrelationId), HashSet<string>> _byCorrelation = new();

    /// <summary>Replaces what is indexed for an instance with the event bookmarks of its state.</summary>
    public void Update(WorkflowInstanceState state)
    {
        var waiting = state.Bookmarks.Count == 0
            ? []
            : state.Bookmarks.Where(b => b.DueAt is null).Select(b => (b.Name, b.CorrelationId, b.Id)).ToArray();
        lock (_gate)
        {
            if (_byInstance.Remove(state.Id, out var previous))
            {
                foreach (var (name, correlationId, _) in previous)
                {
                    RemoveFrom(_byName, name, state.Id);
                    if (correlationId is not null)
                    {
                        RemoveFrom(_byCorrelation, (name, correlationId), state.Id);
                    }
                }
            }

            if (waiting.Length == 0)
            {
                return;
            }

            _byInstance[state.Id] = waiting;
            foreach (var (name, correlationId, _) in waiting)
            {
                AddTo(_byName, name, state.Id);
                if (correlationId is not null)
                {
                    AddTo(_byCorrelation, (name, correlationId), state.Id);
                }
            }
        }
    }

    /// <summary>
    /// For every instance with an event bookmark of that name (and correlation, when given), the first such
    /// bookmark in its snapshot's order: the one a scan of the snapshots would resume.
    /// </summary>
    public List<(string InstanceId, string BookmarkId)> Find(string eventName, string? correlationId)
    {
        var found = new List<(string, string)>();
        lock (_gate)
        {
            HashSet<string>? candidates;
            if (correlationId is null ? !_byName.TryGetValue(eventName, out candidates) : !_byCorrelation.TryGetValue((eventName, correlationId), out candidates))
            {
                return found;
            }

            foreach (var instanceId in candidates)
            {
                foreach (var (name, bookmarkCorrelation, bookmarkId) in _byInstance[instanceId])
                {
                    if (name == eventName && (correlationId is null || bookmarkCorrelation == correlationId))
                    {
                        found.Add((instanceId, bookmarkId));
                        break;
                    }
                }
            }
        }

        return found;
    }

    private static void AddTo<TKey>(Dictionary<TKey, HashSet<string>> index, TKey key, string instanceId)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var set))
        {
            index[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(instanceId);
    }

    private static void RemoveFrom<TKey>(Dictionary<TKey, HashSet<string>> index, TKey key, string instanceId)
        where TKey : notnull
    {
        if (index.TryGetValue(key, out var set) && set.Remove(instanceId) && set.Count == 0)
        {
            index.Remove(key);
        }
    }
}
