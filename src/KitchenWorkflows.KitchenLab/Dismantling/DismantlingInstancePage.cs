using KitchenWorkflows.Engine.Execution;

namespace KitchenWorkflows.KitchenLab.Dismantling;

/// <summary>One page of <c>dismantling</c> instances.</summary>
/// <param name="Items">The instances of this page.</param>
/// <param name="TotalCount">How many instances match on all pages.</param>
public sealed record DismantlingInstancePage(IReadOnlyList<WorkflowInstanceState> Items, int TotalCount);
