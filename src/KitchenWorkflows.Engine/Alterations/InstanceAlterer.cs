using KitchenWorkflows.Engine.Execution;
using KitchenWorkflows.Engine.Values;

namespace KitchenWorkflows.Engine.Alterations;

/// <summary>
/// Applies alterations to an instance state that no run holds, in order, each on what the ones before left (a migration
/// first, then the new version's activities). The first that does not apply stops the list: the host then throws the
/// state away, so an instance is altered wholly or not at all. A dry run is the same call on a state that is not saved.
/// Activities are scheduled and cancelled in the root flowchart only; work inside a composite's frame is refused by name.
/// </summary>
public static class InstanceAlterer
{
    /// <summary>The activity type of the journal entries alterations write.</summary>
    public const string JournalActivityType = "KitchenWorkflows.Alteration";

    /// <summary>Alters <paramref name="state"/> in place.</summary>
    /// <param name="state">The instance, running or faulted; changed in place.</param>
    /// <param name="workflow">The version it runs.</param>
    /// <param name="alterations">The alterations, in order.</param>
    /// <param name="versions">The compiled versions of its definition a migration may target, by number; null when there is none.</param>
    /// <param name="by">Who alters it, for the journal.</param>
    /// <param name="now">The time of the change.</param>
    public static AlterationOutcome Apply(WorkflowInstanceState state, CompiledWorkflow workflow, IReadOnlyList<Alteration> alterations, Func<int, CompiledWorkflow?> versions, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alterations);
        ArgumentNullException.ThrowIfNull(versions);
        var run = new Run(state, workflow, by, now);
        var steps = new List<AlterationStep>();
        foreach (var alteration in alterations)
        {
            if (steps.Count > 0 && !steps[^1].Applies)
            {
                steps.Add(new AlterationStep(alteration.Type, false, "Not tried: an alteration before it does not apply."));
                continue;
            }

            steps.Add(alteration switch
            {
                MigrateAlteration migrate => Migrate(run, migrate, versions),
                ModifyVariableAlteration modify => ModifyVariable(run, modify),
                ScheduleActivityAlteration schedule => ScheduleActivity(run, schedule),
                CancelActivityAlteration cancel => CancelActivity(run, cancel),
                _ => throw new ArgumentException($"Unknown alteration {alteration.Type}.", nameof(alterations)),
            });
        }

        return new AlterationOutcome(steps, run.Workflow, run.Journal, run.RunsOn);
    }

    private static AlterationStep Migrate(Run run, MigrateAlteration migrate, Func<int, CompiledWorkflow?> versions)
    {
        var from = run.Workflow;
        if (migrate.TargetVersion == from.Version)
        {
            return new AlterationStep(migrate.Type, true, $"Already on version {from.Version}.");
        }

        if (versions(migrate.TargetVersion) is not { } to)
        {
            return new AlterationStep(migrate.Type, false, $"Workflow '{from.DefinitionId}' has no version {migrate.TargetVersion}.");
        }

        var map = MigrationMapper.Map(run.State, from, to);
        if (!map.Maps)
        {
            var unmapped = map.Bookmarks.Concat(map.Variables).Concat(map.Activities).Count(i => !i.Maps);
            return new AlterationStep(migrate.Type, false, $"Cannot migrate from version {from.Version} to {to.Version}: {unmapped} item(s) do not map.", map);
        }

        MigrationMapper.MoveVariables(run.State, to);
        run.State.DefinitionVersion = to.Version;
        run.Workflow = to;
        var message = $"Migrated from version {from.Version} to {to.Version}.";
        run.Write(from.Definition.Root.Id, migrate.Type, message);
        return new AlterationStep(migrate.Type, true, message, map);
    }

    private static AlterationStep ModifyVariable(Run run, ModifyVariableAlteration modify)
    {
        var declared = run.Workflow.Definition.Variables.Find(v => v.Id == modify.VariableId)
            ?? run.Workflow.Definition.Variables.Find(v => v.Name == modify.VariableId);
        if (declared is null)
        {
            return new AlterationStep(modify.Type, false, $"Version {run.Workflow.Version} declares no variable '{modify.VariableId}' (by id or name); variables of composites cannot be set.");
        }

        object? value;
        try
        {
            value = VariableTypes.Coerce(PlainValues.FromJson(modify.Value), declared.TypeName, declared.IsArray);
        }
        catch (FormatException ex)
        {
            return new AlterationStep(modify.Type, false, $"Variable '{declared.Name}': {ex.Message}");
        }

        run.State.Variables[declared.Name] = value;
        var json = modify.Value?.ToJsonString() ?? "null";
        run.Write(run.Workflow.Definition.Root.Id, modify.Type, $"Variable '{declared.Name}' set to {(json.Length > 500 ? json[..500] + "…" : json)}.");
        return new AlterationStep(modify.Type, true, $"Variable '{declared.Name}' set.");
    }

    private static AlterationStep ScheduleActivity(Run run, ScheduleActivityAlteration schedule)
    {
        if (RootActivityRefusal(run, schedule.Type, schedule.ActivityId) is { } refused)
        {
            return refused;
        }

        run.State.Queue.Add(schedule.ActivityId);
        run.RunsOn = true;
        run.Write(schedule.ActivityId, schedule.Type, $"Activity '{schedule.ActivityId}' scheduled.");
        return new AlterationStep(schedule.Type, true, $"Activity '{schedule.ActivityId}' scheduled; the instance runs on from it.");
    }

    private static AlterationStep CancelActivity(Run run, CancelActivityAlteration cancel)
    {
        if (RootActivityRefusal(run, cancel.Type, cancel.ActivityId) is { } refused)
        {
            return refused;
        }

        var state = run.State;
        var id = cancel.ActivityId;
        var atRoot = state.Queue.Contains(id) || state.Tokens.Exists(t => t.Target == id)
            || state.Bookmarks.Exists(b => b.FrameId is null && b.ActivityId == id)
            || state.Frames.Exists(f => f.ParentId is null && f.ActivityId == id);
        if (!atRoot)
        {
            return new AlterationStep(cancel.Type, false, $"Activity '{id}' is not queued, waiting or running.");
        }

        new RootFlowState(state).Cancel([id]);
        run.RunsOn = true;
        run.Write(id, cancel.Type, $"Activity '{id}' cancelled.");
        return new AlterationStep(cancel.Type, true, $"Activity '{id}' cancelled; the instance runs on without it.");
    }

    // Scheduling and cancelling change pending work, which a faulted instance does not run, and only the root
    // flowchart's queue can take an activity from outside: a composite's children are scheduled by the composite.
    private static AlterationStep? RootActivityRefusal(Run run, string type, string activityId)
    {
        if (run.State.SubStatus == WorkflowSubStatus.Faulted)
        {
            return new AlterationStep(type, false, "The instance is faulted: retry it or cancel it first.");
        }

        if (run.Workflow.Definition.Root.Activities.Exists(n => n.Id == activityId))
        {
            return null;
        }

        return run.Workflow.Activities.ContainsKey(activityId)
            ? new AlterationStep(type, false, $"Activity '{activityId}' runs inside a composite activity (a nested frame): only activities of the root flowchart can be scheduled or cancelled.")
            : new AlterationStep(type, false, $"Version {run.Workflow.Version} has no activity '{activityId}'.");
    }

    private sealed class Run(WorkflowInstanceState state, CompiledWorkflow workflow, string by, DateTimeOffset now)
    {
        public WorkflowInstanceState State => state;

        public CompiledWorkflow Workflow { get; set; } = workflow;

        public List<JournalEntry> Journal { get; } = [];

        public bool RunsOn { get; set; }

        public void Write(string activityId, string alterationType, string message) => Journal.Add(new JournalEntry
        {
            Sequence = ++state.JournalSequence,
            ActivityId = activityId,
            ActivityType = JournalActivityType,
            ActivityName = alterationType,
            StartedAt = now,
            CompletedAt = now,
            Status = JournalEntryStatus.Completed,
            Message = $"{message} By {by}.",
        });
    }
}
