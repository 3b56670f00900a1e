using KitchenWorkflows.Engine.Runtime;
using KitchenWorkflows.Persistence.Definitions;

namespace KitchenWorkflows.Persistence.Runtime;

/// <summary>
/// What a committed publish sets going. This node forgets which version it saw published (another node finds out at
/// its next start, whose insert checks the version), and the scheduler that every node shares gets the schedules of the
/// version now published in place of the previous version's. Event triggers and HTTP routes need nothing here: a delivery
/// (an event, a request, <see cref="HttpEndpointTargets"/>) looks them up in the trigger index that the publish wrote in
/// its transaction.
/// </summary>
public sealed class PublishedTriggers(CompiledWorkflowCache workflows, IWorkflowScheduler scheduler)
{
    /// <summary>Activates the triggers of <paramref name="version"/>, committed as the published version of <paramref name="definitionId"/>.</summary>
    public async Task ActivateAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        workflows.PublishedChanged(definitionId);
        var published = await workflows.GetAsync(definitionId, version, cancellationToken);
        var scheduled = published.Triggers
            .Where(t => t.ListensFor.Schedule is not null)
            .Select(t => new ScheduledTriggerInfo(t.ActivityId, t.ListensFor.Schedule!))
            .ToList();
        await scheduler.ScheduleTriggersAsync(definitionId, version, scheduled, cancellationToken);
    }

    /// <summary>Drops the schedules of <paramref name="definitionId"/>, which has no published version any more (retracted or deleted).</summary>
    public async Task DeactivateAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        workflows.PublishedChanged(definitionId);
        await scheduler.ScheduleTriggersAsync(definitionId, version, [], cancellationToken);
    }
}
