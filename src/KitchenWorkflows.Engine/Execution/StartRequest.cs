namespace KitchenWorkflows.Engine.Execution;

/// <summary>How to start an instance.</summary>
public sealed record StartRequest
{
    /// <summary>The instance id; a new one is made when null.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The parent instance of a child workflow.</summary>
    public string? ParentId { get; init; }

    /// <summary>The workflow input.</summary>
    public IReadOnlyDictionary<string, object?>? Input { get; init; }

    /// <summary>The trigger activity to start from instead of the start activity (an event trigger).</summary>
    public string? TriggerActivityId { get; init; }

    /// <summary>The trigger's stimulus (the event payload).</summary>
    public object? TriggerPayload { get; init; }

    /// <summary>
    /// A test run: activities that call outside systems record what they would have sent
    /// (<see cref="WorkflowInstanceState.WithheldCalls"/>) instead of sending it, for the whole life of the instance.
    /// </summary>
    public bool DryRun { get; init; }
}
