using KitchenWorkflows.Engine.Activities;
using KitchenWorkflows.Engine.Activities.BuiltIn;
using KitchenWorkflows.Engine.Composition;
using KitchenWorkflows.Engine.Definitions;
using KitchenWorkflows.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace KitchenWorkflows.Persistence.Definitions;

/// <summary>
/// Checks the workflows a definition uses, at save and publish: every <c>Elsa.ExecuteWorkflow</c> or
/// <c>Elsa.DispatchWorkflow</c> with a literal <c>workflowDefinitionId</c>, and every node whose type is a workflow used
/// as an activity, must name a published workflow; and at publish, no workflow may use itself, directly or through others.
/// </summary>
public sealed class ChildWorkflowReferences(IDbContextFactory<WorkflowDbContext> contexts, ActivityRegistry registry, IWorkflowActivitySource activities)
{
    private static readonly string[] ChildActivityTypes = [TypeNameOf<ExecuteWorkflow>(), TypeNameOf<DispatchWorkflow>()];

    /// <summary>Problems of the references, with their JSON paths; <paramref name="known"/> are the paths other checks already reported.</summary>
    /// <param name="definition">The definition being saved or published.</param>
    /// <param name="checkCycles">Whether to follow the references for a cycle (at publish).</param>
    /// <param name="known">Paths already reported, not reported again (an unknown type the engine's validator named).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<List<ValidationError>> ValidateAsync(WorkflowDefinition definition, bool checkCycles, IReadOnlyCollection<ValidationError> known, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ValidationError>();
        foreach (var reference in await ReferencesAsync(definition, cancellationToken))
        {
            if (known.Any(e => e.Path.StartsWith(reference.Path, StringComparison.Ordinal)))
            {
                continue;
            }

            if (reference.DefinitionId == definition.DefinitionId)
            {
                errors.Add(new(reference.Path, $"The workflow '{definition.DefinitionId}' cannot use itself."));
            }
            else if (reference.Child is null)
            {
                errors.Add(new(reference.Path, reference.DefinitionId is null
                    ? $"No published workflow is usable as an activity of type '{reference.Node.Type}'."
                    : $"No published workflow '{reference.DefinitionId}'."));
            }
            else if (checkCycles && await FindCycleAsync(definition.DefinitionId, reference.Child, [definition.DefinitionId, reference.Child.DefinitionId], cancellationToken) is { } cycle)
            {
                errors.Add(new(reference.Path, $"The workflows use each other in a cycle: {string.Join(" → ", cycle)}."));
            }
        }

        return errors;
    }

    // Depth first from a child; the path so far is the cycle once it comes back to the root.
    private async Task<List<string>?> FindCycleAsync(string rootId, WorkflowDefinition current, List<string> path, CancellationToken cancellationToken)
    {
        foreach (var reference in await ReferencesAsync(current, cancellationToken))
        {
            if (reference.DefinitionId == rootId || reference.Child?.DefinitionId == rootId)
            {
                return [.. path, rootId];
            }

            if (reference.Child is { } child && !path.Contains(child.DefinitionId))
            {
                if (await FindCycleAsync(rootId, child, [.. path, child.DefinitionId], cancellationToken) is { } cycle)
                {
                    return cycle;
                }
            }
        }

        return null;
    }

    private async Task<List<Reference>> ReferencesAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var references = new List<Reference>();
        // Every node, nested ones included: a child used inside a loop or a Sequence is as much a reference.
        foreach (var (node, path) in NestedActivities.Walk(definition))
        {
            if (ChildActivityTypes.Contains(node.Type, StringComparer.Ordinal))
            {
                if (LiteralChildId(node) is { } id)
                {
                    references.Add(new(node, path + ".workflowDefinitionId", id, id == definition.DefinitionId ? null : await FindPublishedAsync(id, cancellationToken)));
                }
            }
            else if (!registry.TryGetDescriptor(node.Type, out _))
            {
                var child = activities.Find(node);
                references.Add(new(node, path + ".type", child?.DefinitionId, child));
            }
        }

        return references;
    }

    /// <summary>
    /// The definition id an <c>Elsa.ExecuteWorkflow</c> or <c>Elsa.DispatchWorkflow</c> node names as a literal; null for
    /// other nodes and for an expression, which decides the child at run time and cannot be checked before.
    /// </summary>
    public static string? LiteralChildId(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return ChildActivityTypes.Contains(node.Type, StringComparer.Ordinal)
            && node.Inputs.TryGetValue("workflowDefinitionId", out var input) && ExpressionTypes.IsLiteral(input.Expression) && input.Expression!.Text is { Length: > 0 } id
            ? id
            : null;
    }

    private async Task<WorkflowDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var json = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .Select(d => d.Json)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : WorkflowDefinitionSerializer.Deserialize(json);
    }

    private static string TypeNameOf<TActivity>() =>
        ((ActivityAttribute)Attribute.GetCustomAttribute(typeof(TActivity), typeof(ActivityAttribute))!).TypeName;

    private sealed record Reference(ActivityNode Node, string Path, string? DefinitionId, WorkflowDefinition? Child);
}
