namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>The names the shipped <c>workflows/dismantling.json</c> and its callers agree on.</summary>
public static class DismantlingWorkflow
{
    /// <summary>The definition id.</summary>
    public const string DefinitionId = "dismantling";

    /// <summary>The event of a scheduled visit; payload <c>{ visitDate }</c>.</summary>
    public const string ScheduledEvent = "dismantle-scheduled";

    /// <summary>The event of the dismantling report; payload <c>{ dismantledOn, serialNumberConfirmed, condition, documentReferences }</c>.</summary>
    public const string ReportedEvent = "dismantle-reported";

    /// <summary>The event of a rejection by the service centre; payload <c>{ reason }</c>.</summary>
    public const string RejectedEvent = "dismantle-rejected";

    /// <summary>The tag naming the service centre the task is assigned to.</summary>
    public const string ServiceCentreTag = "serviceCentreId";

    /// <summary>The tag with the task's status: assigned, scheduled, dismantled, rejected or escalated.</summary>
    public const string StatusTag = "status";
}
