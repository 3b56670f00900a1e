using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace KitchenWorkflows.Engine.Tests.Composition;

/// <summary>A host's published workflows usable as activities, by the type name their nodes carry.</summary>
internal sealed class TestWorkflowActivities(params (string TypeName, WorkflowDefinition Definition)[] workflows) : IWorkflowActivitySource
{
    public WorkflowDefinition? Find(ActivityNode node) =>
        workflows.FirstOrDefault(w => w.TypeName == node.Type).Definition;

    /// <summary>An engine whose compiler finds these workflows.</summary>
    public static EngineHarness Harness(params (string TypeName, WorkflowDefinition Definition)[] workflows) =>
        new(services: s => s.AddSingleton<IWorkflowActivitySource>(new TestWorkflowActivities(workflows)));
}
